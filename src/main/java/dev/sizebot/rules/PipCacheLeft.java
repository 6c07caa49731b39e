package dev.sizebot.rules;

import java.util.ArrayList;
import java.util.List;

/** SB105: {@code pip install} that keeps its download cache. */
final class PipCacheLeft implements Rule {
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
  public List<Finding> check(LintInput input) {
    List<Finding> findings = new ArrayList<>();
    for (StageRun run : StageRun.shipping(input.dockerfile())) {
      boolean leaky =
          run.run().commands().stream()
              .anyMatch(c -> Python.isPipInstall(c) && !c.hasArgument("--no-cache-dir"));
      if (!leaky
          || run.envSet("PIP_NO_CACHE_DIR")
          || run.mountCovers(Python.PIP_CACHE)
          || run.removes(Python.PIP_CACHE)) {
        continue;
      }
      Finding finding =
          INFO.at(
              run.lines(), "pip install at line " + run.line() + " runs without --no-cache-dir");
      Finding fixed =
          run.text()
              .map(
                  t ->
                      finding.withFix(
                          new Fix.Replacement(
                              "add --no-cache-dir",
                              run.lines(),
                              t.withScript(
                                      ScriptEdit.addFlag(
                                          t.script(),
                                          Python.PIP_PROGRAMS,
                                          "install",
                                          "--no-cache-dir"))
                                  .render())))
              .orElse(finding);
      findings.add(Proof.bytesUnder(fixed, input.evidence(), run.line(), Python.PIP_CACHE));
    }
    return findings;
  }
}
