package dev.sizebot.rules;

import static dev.sizebot.rules.RuleCheck.findings;
import static dev.sizebot.rules.RuleCheck.fixResolves;
import static dev.sizebot.rules.RuleCheck.lines;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sizebot.common.ByteSize;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AptRulesTest {
  private static final String INSTALL =
      lines(
          "FROM debian:12-slim",
          "RUN apt-get update \\",
          "    && apt-get install -y curl \\",
          "    && rm -rf /var/lib/apt/lists/*",
          "USER 1000");

  @Test
  void installWithoutNoInstallRecommendsIsFoundOnItsRunLines() {
    Finding f = findings(new AptNoInstallRecommends(), INSTALL).get(0);
    assertThat(f.ruleId()).isEqualTo("SB101");
    assertThat(f.location()).isEqualTo(new LineRange(2, 4));
    assertThat(f.seeAlso()).containsExactly("DL3015");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "RUN apt-get install -y --no-install-recommends curl",
        "RUN apt-get -o APT::Install-Recommends=false install -y curl",
        "RUN apt-get update",
        "RUN echo apt-get install curl"
      })
  void installsThatSkipRecommendsOrDoNotInstallAreFine(String run) {
    assertThat(findings(new AptNoInstallRecommends(), lines("FROM debian:12", run))).isEmpty();
  }

  @Test
  void theRecommendsFixAddsTheFlagAfterInstall() {
    String fixed = fixResolves(new AptNoInstallRecommends(), INSTALL);
    assertThat(fixed).contains("    && apt-get install --no-install-recommends -y curl \\\n");
  }

  @Test
  void onlyTheInstallsLackingTheFlagAreEdited() {
    String text =
        lines(
            "FROM debian:12",
            "RUN apt-get install -y --no-install-recommends a && /usr/bin/apt-get install b");
    String fixed = fixResolves(new AptNoInstallRecommends(), text);
    assertThat(fixed.lines().toList().get(1))
        .isEqualTo(
            "RUN apt-get install -y --no-install-recommends a"
                + " && /usr/bin/apt-get install --no-install-recommends b");
  }

  private static final String LISTS_LEFT =
      lines(
          "FROM debian:12-slim",
          "RUN apt-get update \\",
          "    && apt-get install -y --no-install-recommends curl");

  @Test
  void listsKeptAfterUpdateAreFound() {
    Finding f = findings(new AptListsLeft(), LISTS_LEFT).get(0);
    assertThat(f.location()).isEqualTo(new LineRange(2, 3));
    assertThat(f.fix()).isPresent();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "RUN apt-get update && apt-get install -y x && rm -rf /var/lib/apt/lists/*",
        "RUN apt-get update && apt-get install -y x && rm -rf /var/lib/apt/lists",
        "RUN --mount=type=cache,target=/var/lib/apt apt-get update && apt-get install -y x",
        "RUN --mount=type=cache,target=/var/lib/apt/lists/ apt-get update"
      })
  void listsRemovedOrOnACacheMountAreFine(String run) {
    assertThat(findings(new AptListsLeft(), lines("FROM debian:12", run))).isEmpty();
  }

  @Test
  void listsInABuilderStageDoNotShip() {
    String text = lines("FROM debian:12 AS build", "RUN apt-get update", "FROM scratch");
    assertThat(findings(new AptListsLeft(), text)).isEmpty();
  }

  @Test
  void theListsFixRemovesThemInTheSameRun() {
    String fixed = fixResolves(new AptListsLeft(), LISTS_LEFT);
    assertThat(fixed)
        .isEqualTo(
            lines(
                "FROM debian:12-slim",
                "RUN apt-get update \\",
                "    && apt-get install -y --no-install-recommends curl \\",
                "    && rm -rf /var/lib/apt/lists/*"));
  }

  @Test
  void evidenceSizesTheLists() {
    FakeEvidence evidence = new FakeEvidence().layer(2, "/var/lib/apt/lists", 45_200_000);
    Finding f =
        findings(
                new AptListsLeft(),
                LintInput.of(RuleCheck.parse(LISTS_LEFT)).withEvidence(evidence))
            .get(0);
    assertThat(f.savings()).contains(ByteSize.of(45_200_000));
    assertThat(f.evidence()).contains("/var/lib/apt/lists holds 45.2 MB in the layer of line 2");
  }

  @Test
  void messagesNameAptWhenTheDockerfileUsesApt() {
    String text =
        lines(
            "FROM debian:12-slim",
            "RUN apt update",
            "COPY . /app",
            "RUN apt install -y curl",
            "RUN apt update && apt install -y --no-install-recommends git");
    assertThat(findings(new AptNoInstallRecommends(), text).get(0).message())
        .isEqualTo("apt install at line 4 runs without --no-install-recommends");
    assertThat(findings(new AptUpdateAlone(), text).get(0).message())
        .isEqualTo("apt update at line 2 runs in a RUN without an install");
    assertThat(findings(new AptListsLeft(), text).get(0).message())
        .isEqualTo("RUN at line 5 runs apt update but keeps /var/lib/apt/lists");
  }

  @Test
  void anUpdateBesideAptGetDownloadIsNotAlone() {
    String text =
        lines(
            "FROM debian:13-slim",
            "RUN apt-get update && apt-get download git && rm -rf /var/lib/apt/lists/*",
            "RUN apt-get update");
    assertThat(findings(new AptUpdateAlone(), text))
        .extracting(Finding::message)
        .containsExactly("apt-get update at line 3 runs in a RUN without an install");
  }

  @Test
  void aMixedRunIsNamedAfterTheCommandThatTriggers() {
    String text =
        lines(
            "FROM debian:12-slim",
            "RUN apt-get install -y --no-install-recommends a && /usr/bin/apt install b");
    assertThat(findings(new AptNoInstallRecommends(), text).get(0).message())
        .isEqualTo("apt install at line 2 runs without --no-install-recommends");
  }

  @Test
  void theMovedUpdateKeepsTheProgramAndOptionsTheAuthorWrote() {
    String text =
        lines(
            "FROM debian:12-slim",
            "RUN apt update -qq",
            "RUN apt install -y --no-install-recommends curl");
    Finding f = findings(new AptUpdateAlone(), text).get(0);
    assertThat(f.fix().orElseThrow().description())
        .isEqualTo("run apt update in the RUN that installs");
    assertThat(fixResolves(new AptUpdateAlone(), text))
        .isEqualTo(
            lines(
                "FROM debian:12-slim",
                "RUN apt update -qq \\",
                "    && apt install -y --no-install-recommends curl"));
  }
}
