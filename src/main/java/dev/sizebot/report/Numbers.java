package dev.sizebot.report;

import dev.sizebot.common.ByteSize;
import java.util.Locale;
import java.util.Optional;

/** How reports write sizes, deltas and percentages (decimal SI units, as Docker does). */
final class Numbers {
  private Numbers() {}

  static String bytes(long bytes) {
    return ByteSize.of(bytes).human();
  }

  static String delta(long delta) {
    return ByteSize.humanDelta(delta);
  }

  /** {@code +20.0 %}; {@code new} when there was nothing before. */
  static String percent(Optional<Double> percent) {
    return percent.map(Numbers::percent).orElse("new");
  }

  static String percent(double p) {
    return String.format(Locale.ROOT, "%+.1f %%", p);
  }

  /** {@code +300 B (+20.0 %)}, or just the delta when the percent is undefined or zero. */
  static String deltaWithPercent(long delta, Optional<Double> percent) {
    if (delta == 0 || percent.isEmpty()) {
      return delta(delta);
    }
    return delta(delta) + " (" + percent(percent.get()) + ")";
  }

  static String signed(long n) {
    return n > 0 ? "+" + n : Long.toString(n);
  }
}
