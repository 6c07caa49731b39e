package dev.sizebot.rules;

import java.util.List;

/** SB105: {@code pip install} that keeps its download cache. */
final class PipCacheLeft extends CacheLeft {
  static final RuleInfo INFO =
      new RuleInfo(
          "SB105",
          Severity.WARNING,
          "pip install keeps its cache",
          "pip caches every downloaded wheel in /root/.cache/pip; without --no-cache-dir (or"
              + " PIP_NO_CACHE_DIR, or a cache mount) the cache ships in the image.",
          List.of("DL3042"));

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  List<Leak> leaks(StageRun run) {
    boolean leaky =
        run.run().commands().stream()
            .anyMatch(c -> Python.isPipInstall(c) && !c.hasArgument("--no-cache-dir"));
    if (!leaky
        || run.envSet("PIP_NO_CACHE_DIR")
        || run.mountCovers(Python.PIP_CACHE)
        || run.removes(Python.PIP_CACHE)) {
      return List.of();
    }
    return List.of(
        new Leak(
            Python.PIP_CACHE,
            "pip install at line " + run.line() + " runs without --no-cache-dir",
            "add --no-cache-dir",
            t ->
                t.withScript(
                    ScriptEdit.addFlag(
                        t.script(), Python.PIP_PROGRAMS, "install", "--no-cache-dir"))));
  }
}
