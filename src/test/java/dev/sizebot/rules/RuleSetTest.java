package dev.sizebot.rules;

import static dev.sizebot.rules.RuleCheck.lines;
import static dev.sizebot.rules.RuleCheck.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sizebot.common.SizebotException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RuleSetTest {
  private static final String APP =
      lines(
          "FROM python:3.12",
          "WORKDIR /app",
          "RUN apt-get update",
          "RUN apt-get install -y build-essential libpq-dev",
          "COPY . .",
          "RUN pip install -r requirements.txt",
          "RUN pip install poetry && poetry install",
          "RUN cd /app",
          "CMD [\"python\", \"-m\", \"app\"]");

  @Test
  void theStandardSetListsEveryRuleOnceInIdOrder() {
    List<String> ids = RuleSet.standard().infos().stream().map(RuleInfo::id).toList();
    assertThat(ids)
        .containsExactly(
            "SB101", "SB102", "SB103", "SB104", "SB105", "SB106", "SB107", "SB108", "SB109",
            "SB110", "SB111", "SB112", "SB113", "SB114", "SB115", "SB116", "SB117", "SB118",
            "SB201", "SB202", "SB203", "SB300", "SB301", "SB302", "SB303", "SB304");
  }

  @Test
  void aRealisticDockerfileGetsTheExpectedFindingsInLineOrder() {
    LintResult result = RuleSet.standard().lint(LintInput.of(parse(APP)), "Dockerfile", Set.of());
    assertThat(result.findings().stream().map(f -> f.ruleId() + "@" + f.location().label()))
        .containsExactly(
            "SB114@1",
            "SB302@1",
            "SB113@1-9",
            "SB201@3",
            "SB101@4",
            "SB116@5",
            "SB202@5-6",
            "SB105@6",
            "SB105@7",
            "SB107@7",
            "SB303@7",
            "SB304@8");
  }

  @Test
  void everyReplacementParsesAndClearsItsFinding() {
    LintInput input = LintInput.of(parse(APP));
    for (Finding finding : RuleSet.standard().lint(input, "Dockerfile", Set.of()).findings()) {
      if (finding.fix().orElse(null) instanceof Fix.Replacement r) {
        String fixed = r.applyTo(APP);
        LintResult after =
            RuleSet.standard().lint(LintInput.of(parse(fixed)), "Dockerfile", Set.of());
        assertThat(after.findings())
            .as("%s after its fix:%n%s", finding.ruleId(), fixed)
            .noneMatch(
                f -> f.ruleId().equals(finding.ruleId()) && f.message().equals(finding.message()));
      }
    }
  }

  @Test
  void theConfigIgnoreListSkipsRulesAndTheirCatalogueEntries() {
    LintResult result =
        RuleSet.standard().lint(LintInput.of(parse(APP)), "Dockerfile", Set.of("SB113", "SB302"));
    assertThat(result.findings()).noneMatch(f -> Set.of("SB113", "SB302").contains(f.ruleId()));
    assertThat(result.rules()).hasSize(24);
  }

  @Test
  void anInlineIgnoreSilencesTheNextInstructionOnly() {
    String text =
        lines(
            "FROM debian:12-slim",
            "# sizebot ignore=SB101,SB102",
            "RUN apt-get update && apt-get install -y a",
            "RUN apt-get update && apt-get install -y b",
            "USER 1000");
    LintResult result = RuleSet.standard().lint(LintInput.of(parse(text)), "Dockerfile", Set.of());
    assertThat(result.findings().stream().map(f -> f.ruleId() + "@" + f.location().label()))
        .containsExactly("SB112@3-4", "SB101@4", "SB102@4");
  }

  @Test
  void aFileWithOnlyGlobalArgsHasNothingToLint() {
    LintResult result =
        RuleSet.standard().lint(LintInput.of(parse("ARG X=1\n")), "Dockerfile", Set.of());
    assertThat(result.findings()).isEmpty();
    assertThat(result.rules()).hasSize(26);
  }

  @Test
  void anUnknownIdInTheIgnoreListIsInvalidInput() {
    assertThatThrownBy(
            () ->
                RuleSet.standard()
                    .lint(LintInput.of(parse(APP)), "Dockerfile", Set.of("SB999", "DL3008")))
        .isInstanceOf(SizebotException.class)
        .hasMessageStartingWith(
            "unknown rule id DL3008, SB999 in the ignore list; known ids: SB101");
  }
}
