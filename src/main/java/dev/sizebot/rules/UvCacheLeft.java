package dev.sizebot.rules;

import dev.sizebot.dockerfile.ShellCommand;
import java.util.ArrayList;
import java.util.List;

/** SB106: {@code uv sync} / {@code uv pip install} that keeps uv's cache. */
final class UvCacheLeft implements Rule {
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
  public List<Finding> check(LintInput input) {
    List<Finding> findings = new ArrayList<>();
    for (StageRun run : StageRun.shipping(input.dockerfile())) {
      boolean leaky = run.run().commands().stream().anyMatch(UvCacheLeft::caches);
      if (!leaky
          || run.envSet("UV_NO_CACHE")
          || run.mountCovers(Python.UV_CACHE)
          || run.removes(Python.UV_CACHE)) {
        continue;
      }
      Finding finding =
          INFO.at(run.lines(), "uv at line " + run.line() + " runs without --no-cache");
      Finding fixed =
          run.text()
              .map(
                  t ->
                      finding.withFix(
                          new Fix.Replacement(
                              "add --no-cache",
                              run.lines(),
                              t.withScript(
                                      ScriptEdit.addFlag(
                                          t.script(), "uv", "sync|install", "--no-cache"))
                                  .render())))
              .orElse(finding);
      findings.add(Proof.bytesUnder(fixed, input.evidence(), run.line(), Python.UV_CACHE));
    }
    return findings;
  }

  private static boolean caches(ShellCommand c) {
    return (Python.isUv(c, "sync")
            || Python.isUv(c, "pip install")
            || Python.isUv(c, "tool install"))
        && !c.hasArgument("--no-cache")
        && !c.hasArgument("-n");
  }
}
