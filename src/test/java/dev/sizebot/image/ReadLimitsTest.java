package dev.sizebot.image;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReadLimitsTest {
  @ParameterizedTest
  @CsvSource({
    // -Xmx160m with SerialGC (the launcher's flags): Runtime.maxMemory() leaves out a survivor
    // space. (162,201,600 - 24 MiB) / 600 bytes.
    "162201600, 228392",
    // 1 GiB: (1,073,741,824 - 25,165,824) / 600 = 1,747,626.67.
    "1073741824, 1747626",
    // A heap no bigger than the reserve still gives a positive cap: the first entry fails clearly.
    "25165824, 1",
    "8388608, 1",
    // No -Xmx at all on a huge machine: Long.MAX_VALUE, capped to what an int holds.
    "9223372036854775807, 2147483647",
  })
  void theEntryCapIsWhatTheHeapHoldsPastTheReserve(long heapBytes, int entries) {
    assertThat(ReadLimits.entriesFor(heapBytes)).isEqualTo(entries);
  }

  @Test
  void theDefaultCapFollowsThisJvmsHeap() {
    assertThat(ReadLimits.DEFAULT.maxEntries())
        .isEqualTo(ReadLimits.entriesFor(Runtime.getRuntime().maxMemory()));
  }
}
