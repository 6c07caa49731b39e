package dev.sizebot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CacheOptionsTest {
  private static final Path HOME = Path.of("/home/dev");

  @Test
  void theRunnersToolCacheComesFirstSoActionsCacheCanKeepIt() {
    Map<String, String> env =
        Map.of("RUNNER_TOOL_CACHE", "/opt/hostedtoolcache", "XDG_CACHE_HOME", "/xdg");
    assertThat(CacheOptions.defaultDirectory(env, HOME))
        .isEqualTo(Path.of("/opt/hostedtoolcache/sizebot"));
  }

  @Test
  void outsideActionsTheXdgCacheHomeIsUsed() {
    assertThat(CacheOptions.defaultDirectory(Map.of("XDG_CACHE_HOME", "/xdg"), HOME))
        .isEqualTo(Path.of("/xdg/sizebot"));
  }

  @Test
  void withNeitherVariableTheCacheIsUnderTheHomeDirectory() {
    assertThat(CacheOptions.defaultDirectory(Map.of("XDG_CACHE_HOME", " "), HOME))
        .isEqualTo(Path.of("/home/dev/.cache/sizebot"));
  }

  @Test
  void cacheAndNoCacheTogetherAreOneClearError() {
    MainTest.Result r =
        MainTest.run("inspect", "no-such-image:1", "--cache", "/tmp/c", "--no-cache");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err())
        .isEqualTo(
            "sizebot: error: --cache and --no-cache contradict each other: pass one of them"
                + System.lineSeparator());
  }
}
