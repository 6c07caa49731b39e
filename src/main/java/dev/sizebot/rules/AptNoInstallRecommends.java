package dev.sizebot.rules;

import dev.sizebot.dockerfile.ShellCommand;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** SB101: {@code apt-get install} without {@code --no-install-recommends}. */
final class AptNoInstallRecommends implements Rule {
  static final RuleInfo INFO =
      new RuleInfo(
          "SB101",
          Severity.WARNING,
          "apt-get install pulls in recommended packages",
          "Without --no-install-recommends apt also installs every 'Recommends' package, often"
              + " tens of megabytes the program never uses.",
          List.of("DL3015"));

  private static final Pattern NO_RECOMMENDS =
      Pattern.compile("(?i).*Install-Recommends=(false|0)");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(LintInput input) {
    List<Finding> findings = new ArrayList<>();
    for (StageRun run : StageRun.shipping(input.dockerfile())) {
      if (run.run().commands().stream().anyMatch(AptNoInstallRecommends::installsRecommends)) {
        Finding finding =
            INFO.at(
                run.lines(),
                Apt.firstName(run.run().commands(), AptNoInstallRecommends::installsRecommends)
                    + " install at line "
                    + run.line()
                    + " runs without --no-install-recommends");
        findings.add(
            run.editable()
                .map(
                    t ->
                        t.withScript(
                            ScriptEdit.addFlagUnless(
                                t.script(),
                                Apt.PROGRAMS,
                                "install",
                                "--no-install-recommends",
                                "--no-install-recommends|Install-Recommends=(?:false|0)")))
                .map(t -> finding.withFix(run.fix("add --no-install-recommends", t)))
                .orElse(finding));
      }
    }
    return findings;
  }

  static boolean installsRecommends(ShellCommand c) {
    return Apt.isApt(c)
        && c.arguments().contains("install")
        && !c.hasArgument("--no-install-recommends")
        && c.arguments().stream().noneMatch(a -> NO_RECOMMENDS.matcher(a).matches());
  }
}
