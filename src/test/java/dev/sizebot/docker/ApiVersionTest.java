package dev.sizebot.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ApiVersionTest {
  @ParameterizedTest
  @CsvSource({"1.41, true", "1.43, true", "2.0, true", "1.40, false", "1.9, false", "0.99, false"})
  void oneShotStatsNeedApi141(String text, boolean oneShot) {
    assertThat(ApiVersion.parse(text).orElseThrow().atLeast(ApiVersion.ONE_SHOT_STATS))
        .isEqualTo(oneShot);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "1", "v1.41", "1.41.0", "latest", "99999999999.1"})
  void textThatIsNotMajorDotMinorIsNoVersion(String text) {
    assertThat(ApiVersion.parse(text)).isEmpty();
  }

  @org.junit.jupiter.api.Test
  void minorVersionsCompareAsNumbersNotText() {
    assertThat(ApiVersion.parse(" 1.41 ")).isEqualTo(Optional.of(new ApiVersion(1, 41)));
    assertThat(new ApiVersion(1, 9)).isLessThan(new ApiVersion(1, 10));
    assertThat(ApiVersion.parse(null)).isEmpty();
  }
}
