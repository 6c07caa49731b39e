package dev.sizebot.rules;

import dev.sizebot.dockerfile.ShellCommand;
import java.util.List;

/** SB106: {@code uv sync} / {@code uv pip install} that keeps uv's cache. */
final class UvCacheLeft extends CacheLeft {
  static final RuleInfo INFO =
      new RuleInfo(
          "SB106",
          Severity.WARNING,
          "uv keeps its cache",
          "uv caches downloaded and built wheels in /root/.cache/uv; without --no-cache (or"
              + " UV_NO_CACHE, or a cache mount) the cache ships in the image.",
          List.of());

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  List<Leak> leaks(StageRun run) {
    boolean leaky = run.run().commands().stream().anyMatch(UvCacheLeft::caches);
    if (!leaky
        || run.envSet("UV_NO_CACHE")
        || run.mountCovers(Python.UV_CACHE)
        || run.removes(Python.UV_CACHE)) {
      return List.of();
    }
    return List.of(
        new Leak(
            Python.UV_CACHE,
            "uv at line " + run.line() + " runs without --no-cache",
            "add --no-cache",
            t -> t.withScript(ScriptEdit.addFlag(t.script(), "uv", "sync|install", "--no-cache"))));
  }

  private static boolean caches(ShellCommand c) {
    return (Python.isUv(c, "sync")
            || Python.isUv(c, "pip install")
            || Python.isUv(c, "tool install"))
        && !c.hasArgument("--no-cache")
        && !c.hasArgument("-n");
  }
}
