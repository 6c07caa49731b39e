package dev.sizebot.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sizebot.report.Verdict.Outcome;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class VerdictTest {
  private static final long MB = 1_000_000;
  private static final Budget FULL =
      Budget.NONE.withMaxSize(300 * MB).withMaxIncrease(20 * MB, 5).withWarnIncrease(5 * MB, 2);

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of(
            "no budget, growth",
            Budget.NONE,
            100 * MB,
            150 * MB,
            Outcome.PASS,
            false,
            List.of("+50.0 MB (+50.0 %); no budget set")),
        Arguments.of(
            "no budget, tiny change",
            Budget.NONE,
            100 * MB,
            100 * MB + 9_999,
            Outcome.PASS,
            true,
            List.of("+9,999 B is under the noise floor 10.0 kB: no change; no budget set")),
        Arguments.of(
            "head past max-size",
            FULL,
            290 * MB,
            412 * MB,
            Outcome.FAIL,
            false,
            List.of(
                "head 412 MB exceeds max-size 300 MB",
                "+122 MB exceeds max-increase 20.0 MB",
                "+42.1 % exceeds max-increase-percent 5 %")),
        Arguments.of(
            "max-size applies even without change",
            FULL,
            301 * MB,
            301 * MB,
            Outcome.FAIL,
            true,
            List.of("head 301 MB exceeds max-size 300 MB")),
        Arguments.of(
            "increase exactly at max is allowed, reaches warn",
            Budget.NONE.withMaxIncrease(20 * MB, 50).withWarnIncrease(5 * MB, 50),
            200 * MB,
            220 * MB,
            Outcome.WARN,
            false,
            List.of("+20.0 MB reaches warn-increase 5.00 MB")),
        Arguments.of(
            "percent past max fails",
            FULL,
            200 * MB,
            220 * MB,
            Outcome.FAIL,
            false,
            List.of("+10.0 % exceeds max-increase-percent 5 %")),
        Arguments.of(
            "warn by bytes only",
            FULL,
            280 * MB,
            285 * MB,
            Outcome.WARN,
            false,
            List.of("+5.00 MB reaches warn-increase 5.00 MB")),
        Arguments.of(
            "growth under warn levels",
            FULL,
            200 * MB,
            201 * MB,
            Outcome.PASS,
            false,
            List.of(
                "+1.00 MB (+0.5 %); within max-size 300 MB · max-increase 20.0 MB ·"
                    + " max-increase-percent 5 % · warn-increase 5.00 MB · warn-increase-percent 2 %")),
        Arguments.of(
            "percent under the noise floor is not judged",
            FULL.withNoiseFloor(1_000),
            100,
            900,
            Outcome.PASS,
            true,
            List.of(
                "+800 B is under the noise floor 1.00 kB: no change; within max-size 300 MB ·"
                    + " max-increase 20.0 MB · max-increase-percent 5 % · warn-increase 5.00 MB ·"
                    + " warn-increase-percent 2 %")),
        Arguments.of(
            "shrink passes",
            FULL,
            250 * MB,
            100 * MB,
            Outcome.PASS,
            false,
            List.of(
                "-150 MB (-60.0 %); within max-size 300 MB · max-increase 20.0 MB ·"
                    + " max-increase-percent 5 % · warn-increase 5.00 MB · warn-increase-percent 2 %")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void theBudgetDecidesTheVerdictAndSaysWhy(
      String name,
      Budget budget,
      long base,
      long head,
      Outcome outcome,
      boolean noChange,
      List<String> reasons) {
    Verdict v = Verdict.judge(budget, Optional.of(new SizeChange(base, head)), List.of());
    assertThat(v.outcome()).isEqualTo(outcome);
    assertThat(v.noChange()).isEqualTo(noChange);
    assertThat(v.reasons()).containsExactlyElementsOf(reasons);
  }

  @org.junit.jupiter.api.Test
  void aFailedBuildFailsWhateverTheBudget() {
    BuildFailure failure =
        new BuildFailure(
            "head", Optional.of(7), Optional.of("RUN make"), 1, Optional.of(2), List.of("error"));
    Verdict v = Verdict.judge(Budget.NONE, Optional.empty(), List.of(failure));
    assertThat(v.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(v.reasons())
        .containsExactly("head build failed at line 7 (RUN make): the step exited with 2");
  }
}
