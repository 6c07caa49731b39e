package dev.sizebot.rules;

import dev.sizebot.dockerfile.ShellCommand;
import java.util.ArrayList;
import java.util.List;

/** SB103: {@code apk add} without {@code --no-cache}. */
final class ApkCacheLeft implements Rule {
  static final RuleInfo INFO =
      new RuleInfo(
          "SB103",
          Severity.WARNING,
          "apk add keeps its index cache",
          "Without --no-cache apk keeps the package index in /var/cache/apk, which ships in the"
              + " layer.",
          List.of("DL3019"));
  private static final String CACHE = "/var/cache/apk";

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(LintInput input) {
    List<Finding> findings = new ArrayList<>();
    for (StageRun run : StageRun.shipping(input.dockerfile())) {
      boolean leaky = run.commandsOf("apk").stream().anyMatch(ApkCacheLeft::addsWithCache);
      if (!leaky || run.removes(CACHE) || run.mountCovers(CACHE)) {
        continue;
      }
      Finding finding =
          INFO.at(run.lines(), "apk add at line " + run.line() + " runs without --no-cache");
      Finding fixed =
          run.text()
              .map(
                  t ->
                      finding.withFix(
                          new Fix.Replacement(
                              "add --no-cache",
                              run.lines(),
                              t.withScript(
                                      ScriptEdit.addFlag(t.script(), "apk", "add", "--no-cache"))
                                  .render())))
              .orElse(finding);
      findings.add(Proof.bytesUnder(fixed, input.evidence(), run.line(), CACHE));
    }
    return findings;
  }

  private static boolean addsWithCache(ShellCommand c) {
    return c.arguments().contains("add") && !c.hasArgument("--no-cache");
  }
}
