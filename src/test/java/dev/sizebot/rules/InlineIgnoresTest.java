package dev.sizebot.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class InlineIgnoresTest {
  private static final RuleInfo A = new RuleInfo("SB101", Severity.WARNING, "t", "w", List.of());
  private static final RuleInfo B = new RuleInfo("SB102", Severity.WARNING, "t", "w", List.of());

  private static final String DOCKERFILE =
      String.join(
          "\n",
          "FROM debian:12",
          "# sizebot ignore=SB101, sb102",
          "",
          "RUN apt-get update \\",
          "  && apt-get install -y curl",
          "RUN apt-get install -y git",
          "#sizebot  ignore = SB102",
          "RUN true");
  private static final List<LineRange> INSTRUCTIONS =
      List.of(LineRange.of(1), new LineRange(4, 5), LineRange.of(6), LineRange.of(8));

  @Test
  void anIgnoreCommentSilencesTheNamedRulesOnTheNextInstructionOnly() {
    InlineIgnores ignores = InlineIgnores.parse(DOCKERFILE);
    assertThat(ignores.suppresses(A.at(new LineRange(4, 5), "m"), INSTRUCTIONS)).isTrue();
    assertThat(ignores.suppresses(B.at(LineRange.of(5), "m"), INSTRUCTIONS)).isTrue();
    assertThat(ignores.suppresses(A.at(LineRange.of(6), "m"), INSTRUCTIONS)).isFalse();
    assertThat(ignores.suppresses(A.at(LineRange.of(1), "m"), INSTRUCTIONS)).isFalse();
  }

  @Test
  void spacingAndCaseInTheCommentAreForgiven() {
    InlineIgnores ignores = InlineIgnores.parse(DOCKERFILE);
    assertThat(ignores.suppresses(B.at(LineRange.of(8), "m"), INSTRUCTIONS)).isTrue();
    assertThat(ignores.suppresses(A.at(LineRange.of(8), "m"), INSTRUCTIONS)).isFalse();
    assertThat(ignores.mentionedIds()).containsExactlyInAnyOrder("SB101", "SB102");
  }

  @Test
  void otherCommentsIgnoreNothing() {
    InlineIgnores ignores = InlineIgnores.parse("# hadolint ignore=SB101\nRUN x\n");
    assertThat(ignores.suppresses(A.at(LineRange.of(2), "m"), List.of(LineRange.of(2)))).isFalse();
  }
}
