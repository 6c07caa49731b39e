package dev.sizebot.rules;

import java.util.ArrayList;
import java.util.List;

/** SB102: a RUN that fetches apt package lists and does not remove them. */
final class AptListsLeft implements Rule {
  static final RuleInfo INFO =
      new RuleInfo(
          "SB102",
          Severity.WARNING,
          "apt package lists left in the layer",
          "apt-get update downloads package lists to /var/lib/apt/lists; unless the same RUN"
              + " removes them (or a cache mount holds them) they ship in the image.",
          List.of("DL3009"));

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(LintInput input) {
    List<Finding> findings = new ArrayList<>();
    for (StageRun run : StageRun.shipping(input.dockerfile())) {
      boolean updates = run.run().commands().stream().anyMatch(Apt::isUpdate);
      // An update without an install is SB201's finding; its fix moves the update here.
      boolean installs = run.run().commands().stream().anyMatch(Apt::isInstall);
      if (!updates || !installs || run.removes(Apt.LISTS) || run.mountCovers(Apt.LISTS)) {
        continue;
      }
      Finding finding =
          INFO.at(
              run.lines(),
              "RUN at line " + run.line() + " runs apt-get update but keeps " + Apt.LISTS);
      Finding fixed =
          run.text()
              .map(
                  t ->
                      finding.withFix(
                          new Fix.Replacement(
                              "remove the lists in the same RUN",
                              run.lines(),
                              t.append("rm -rf " + Apt.LISTS + "/*").render())))
              .orElse(finding);
      findings.add(Proof.bytesUnder(fixed, input.evidence(), run.line(), Apt.LISTS));
    }
    return findings;
  }
}
