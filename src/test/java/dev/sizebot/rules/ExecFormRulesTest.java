package dev.sizebot.rules;

import static dev.sizebot.rules.RuleCheck.findings;
import static dev.sizebot.rules.RuleCheck.fixResolves;
import static dev.sizebot.rules.RuleCheck.lines;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Exec-form RUNs are analysed too: their words are one command, and the script of {@code sh -c} is
 * split like shell form. Their fixes are proposed Dockerfiles in shell form (which needs /bin/sh).
 */
class ExecFormRulesTest {
  private static final String APT_EXEC =
      lines("FROM debian:12-slim", "RUN [\"apt-get\", \"install\", \"-y\", \"git\"]", "USER 1000");

  @Test
  void anExecFormAptInstallWithoutNoInstallRecommendsIsFound() {
    Finding f = findings(new AptNoInstallRecommends(), APT_EXEC).get(0);
    assertThat(f.location()).isEqualTo(new LineRange(2, 2));
    assertThat(f.message())
        .isEqualTo("apt-get install at line 2 runs without --no-install-recommends");
  }

  @Test
  void itsFixIsAProposedShellFormDockerfileThatResolvesIt() {
    Fix fix = findings(new AptNoInstallRecommends(), APT_EXEC).get(0).fix().orElseThrow();
    assertThat(fix.description())
        .isEqualTo(
            "add --no-install-recommends (rewritten in shell form, which needs /bin/sh in the"
                + " image)");
    assertThat(fixResolves(new AptNoInstallRecommends(), APT_EXEC))
        .isEqualTo(
            lines(
                "FROM debian:12-slim",
                "RUN apt-get install --no-install-recommends -y git",
                "USER 1000"));
  }

  @Test
  void anExecFormShellScriptIsSplitAndItsFixKeepsTheScript() {
    String text =
        lines(
            "FROM debian:12-slim",
            "RUN [\"sh\", \"-c\", \"apt-get update && apt-get install -y --no-install-recommends"
                + " git\"]");
    Finding f = findings(new AptListsLeft(), text).get(0);
    assertThat(f.location()).isEqualTo(new LineRange(2, 2));
    assertThat(fixResolves(new AptListsLeft(), text))
        .isEqualTo(
            lines(
                "FROM debian:12-slim",
                "RUN apt-get update && apt-get install -y --no-install-recommends git \\",
                "    && rm -rf /var/lib/apt/lists/*"));
  }

  @Test
  void wordsThatAreNotPlainAreQuotedInTheShellForm() {
    String text = lines("FROM python:3.12-slim", "RUN [\"pip\", \"install\", \"a b\", \"it's\"]");
    assertThat(fixResolves(new PipCacheLeft(), text).lines().toList().get(1))
        .isEqualTo("RUN pip install --no-cache-dir 'a b' 'it'\\''s'");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "RUN [\"apt-get\", \"install\", \"-y\", \"--no-install-recommends\", \"git\"]",
        "RUN [\"/bin/bash\", \"-euo\", \"pipefail\", \"-c\", \"apt-get install -y"
            + " --no-install-recommends git\"]",
        "RUN [\"echo\", \"apt-get\", \"install\", \"git\"]",
        "RUN [\"sh\", \"script.sh\", \"apt-get install git\"]",
      })
  void execFormsThatSkipRecommendsOrDoNotInstallAreFine(String run) {
    assertThat(findings(new AptNoInstallRecommends(), lines("FROM debian:12", run))).isEmpty();
  }

  @Test
  void aShellDashCScriptIsAnalysedWithItsFlagsBeforeC() {
    String text =
        lines("FROM debian:12", "RUN [\"/bin/sh\", \"-exc\", \"apt-get install -y curl\"]");
    assertThat(findings(new AptNoInstallRecommends(), text)).hasSize(1);
    // Not the default SHELL's "sh -c", so the words are kept and quoted; the edit still applies.
    assertThat(fixResolves(new AptNoInstallRecommends(), text).lines().toList().get(1))
        .isEqualTo("RUN /bin/sh -exc 'apt-get install --no-install-recommends -y curl'");
  }

  @Test
  void execFormInAPowershellStageIsStillAnalysed() {
    String text =
        lines(
            "FROM debian:12",
            "SHELL [\"pwsh\", \"-Command\"]",
            "RUN [\"apt-get\", \"install\", \"-y\", \"curl\"]");
    assertThat(findings(new AptNoInstallRecommends(), text)).hasSize(1);
  }

  @Test
  void anExecFormRunThatOnlyChangesDirectoryIsFound() {
    String text = lines("FROM debian:12", "RUN [\"sh\", \"-c\", \"cd /app\"]", "RUN make");
    assertThat(findings(new ShellStateOnly(), text).get(0).message())
        .isEqualTo("RUN at line 2 only runs cd; its effect ends with the RUN");
    assertThat(fixResolves(new ShellStateOnly(), text))
        .isEqualTo(lines("FROM debian:12", "WORKDIR /app", "RUN make"));
  }

  @Test
  void anExecFormThatShellFormCannotSayOnOneLineGetsNoFix() {
    String text = lines("FROM debian:12", "RUN [\"sh\", \"-c\", \"apt-get install -y curl\\\\\"]");
    Finding f = findings(new AptNoInstallRecommends(), text).get(0);
    assertThat(f.fix()).isEmpty();
  }
}
