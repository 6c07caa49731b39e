package dev.sizebot.docker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sizebot.testing.Engine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** Shared pieces of the engine-backed tests in this package. */
final class BuildFixture {
  static final String REPOSITORY = "sizebot-test-build";
  static final Map<String, String> TEST_LABELS = Map.of(Engine.TEST_LABEL, "1");

  private static BuildKitCli cli;

  private BuildFixture() {}

  /** The BuildKit client this machine offers (probed once: each probe starts processes). */
  static synchronized BuildKitCli cli() {
    if (cli == null) {
      cli =
          BuildKitCli.detect(
              Optional.ofNullable(System.getenv("SIZEBOT_DOCKER")), System.getenv("PATH"));
    }
    return cli;
  }

  /** A build context holding the static busybox and {@code dockerfile} as ./Dockerfile. */
  static Path context(Path dir, String dockerfile) throws IOException {
    Files.copy(Engine.busybox(), dir.resolve("busybox"));
    Files.writeString(dir.resolve("Dockerfile"), dockerfile);
    return dir;
  }

  /** The built image, or a test failure showing the end of the build log. */
  static BuildResult.Built built(BuildResult result) {
    assertThat(result)
        .as("build log tail: %s", result.lastLines())
        .isInstanceOf(BuildResult.Built.class);
    return (BuildResult.Built) result;
  }

  /** Fails unless the engine holds no image or container of this run and no test-tagged image. */
  static void assertNothingLeft(RunResources run) {
    String label = "label=" + DockerEngine.OWNER_LABEL + "=" + run.runId();
    assertThat(Engine.docker("images", "-q", "--filter", label).strip()).isEmpty();
    assertThat(Engine.docker("ps", "-aq", "--filter", label).strip()).isEmpty();
    assertThat(Engine.docker("images", "-q", REPOSITORY).strip()).isEmpty();
    assertThat(run.problems()).isEmpty();
  }
}
