package dev.sizebot.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sizebot.common.ByteSize;
import dev.sizebot.common.SizebotException;
import dev.sizebot.common.UnixPath;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CoreValuesTest {
  private static final RuleInfo RULE =
      new RuleInfo("SB101", Severity.WARNING, "t", "w", List.of("DL3009"));

  @ParameterizedTest
  @CsvSource({"info, INFO", "Warning, WARNING", " ERROR , ERROR"})
  void severitiesParseInAnyCase(String text, Severity expected) {
    assertThat(Severity.parse(text)).isEqualTo(expected);
  }

  @Test
  void anUnknownSeverityIsInvalidInputNamingTheChoices() {
    assertThatThrownBy(() -> Severity.parse("fatal"))
        .isInstanceOf(SizebotException.class)
        .hasMessage("unknown severity 'fatal'; use one of: info, warning, error");
  }

  @Test
  void severitiesAreOrdered() {
    assertThat(Severity.ERROR.isAtLeast(Severity.WARNING)).isTrue();
    assertThat(Severity.INFO.isAtLeast(Severity.WARNING)).isFalse();
    assertThat(Severity.WARNING.isAtLeast(Severity.WARNING)).isTrue();
  }

  @Test
  void aReplacementSwapsExactlyItsLines() {
    Fix.Replacement fix = new Fix.Replacement("d", new LineRange(2, 3), "B\nC2\nC3");
    assertThat(fix.applyTo("A\r\nb \\\n  c\nD\n")).isEqualTo("A\nB\nC2\nC3\nD\n");
  }

  @Test
  void aReplacementPastTheEndIsRejected() {
    Fix.Replacement fix = new Fix.Replacement("d", new LineRange(2, 9), "x");
    assertThatThrownBy(() -> fix.applyTo("A\nB")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void ruleIdsMustFollowTheNumberingScheme() {
    assertThatThrownBy(() -> new RuleInfo("DL3009", Severity.INFO, "t", "w", List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(new RuleInfo("SB201", Severity.INFO, "t", "w", List.of()).category())
        .isEqualTo("cache");
  }

  @Test
  void evidenceOfZeroBytesIsKeptButSavesNothing() {
    Finding f = RULE.at(LineRange.of(4), "m").withEvidence(ShippedBytes.NONE, "nothing there");
    assertThat(f.savings()).isEmpty();
    assertThat(f.evidence()).contains("nothing there");
    ShippedBytes seven = ShippedBytes.of(2, UnixPath.of("/x"), 7);
    assertThat(RULE.at(LineRange.of(4), "m").withEvidence(seven, "x").savings())
        .contains(ByteSize.of(7));
  }

  @Test
  void findingsSortByLineThenRule() {
    Finding b = new RuleInfo("SB102", Severity.INFO, "t", "w", List.of()).at(LineRange.of(2), "m");
    Finding a = RULE.at(LineRange.of(2), "m");
    Finding first = RULE.at(LineRange.of(1), "m");
    assertThat(new LintResult("Dockerfile", List.of(), List.of(b, a, first)).findings())
        .containsExactly(first, a, b);
  }
}
