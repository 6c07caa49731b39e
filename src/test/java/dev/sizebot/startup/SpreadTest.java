package dev.sizebot.startup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sizebot.common.ByteSize;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SpreadTest {
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "7               | 7   | 7 | 7",
        "30 10 20        | 20  | 10 | 30",
        "40 10 30 20     | 25  | 10 | 40",
        "1 2             | 1   | 1 | 2",
        "5 1 4 2 3       | 3   | 1 | 5",
        "100 100 101 900 | 100 | 100 | 900",
      })
  void medianIsTheMiddleValueOrTheMeanOfTheTwoMiddleOnesRoundedDown(
      String values, long median, long min, long max) {
    List<ByteSize> bytes =
        Arrays.stream(values.split(" ")).map(v -> ByteSize.of(Long.parseLong(v))).toList();

    Spread<ByteSize> spread = Spread.ofBytes(bytes);

    assertThat(spread)
        .isEqualTo(
            new Spread<>(ByteSize.of(median), ByteSize.of(min), ByteSize.of(max), bytes.size()));
  }

  @Test
  void durationsSpreadToTheNanosecond() {
    Spread<Duration> spread =
        Spread.ofDurations(
            List.of(Duration.ofMillis(300), Duration.ofMillis(101), Duration.ofNanos(1)));

    assertThat(spread.median()).isEqualTo(Duration.ofMillis(101));
    assertThat(spread.min()).isEqualTo(Duration.ofNanos(1));
    assertThat(spread.max()).isEqualTo(Duration.ofMillis(300));
  }

  @Test
  void hugeEvenPairsDoNotOverflow() {
    long big = Long.MAX_VALUE - 1;
    assertThat(Spread.ofBytes(List.of(ByteSize.of(big), ByteSize.of(Long.MAX_VALUE))).median())
        .isEqualTo(ByteSize.of(big));
  }

  @Test
  void anEmptyListHasNoSpread() {
    assertThatThrownBy(() -> Spread.ofBytes(List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
