package dev.sizebot.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ByteSizeTest {
  @ParameterizedTest
  @CsvSource({
    "0, 0 B",
    "999, 999 B",
    "1000, 1.00 kB",
    "1536, 1.54 kB",
    "99949, 99.9 kB",
    "2084656, 2.08 MB",
    "805000000, 805 MB",
    "999950000, 1.00 GB",
    "1073741824, 1.07 GB"
  })
  void rendersDecimalUnitsLikeTheEngine(long bytes, String expected) {
    assertThat(ByteSize.of(bytes).human()).isEqualTo(expected);
  }

  @Test
  void deltasAlwaysCarryTheirSign() {
    assertThat(ByteSize.humanDelta(1536)).isEqualTo("+1.54 kB");
    assertThat(ByteSize.humanDelta(-300)).isEqualTo("-300 B");
    assertThat(ByteSize.humanDelta(0)).isEqualTo("0 B");
  }

  @Test
  void rejectsNegativeSizes() {
    assertThatThrownBy(() -> ByteSize.of(-1)).isInstanceOf(IllegalArgumentException.class);
  }
}
