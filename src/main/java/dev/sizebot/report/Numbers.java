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

  /** A limit as users write it: {@code 5 %}, {@code 2.5 %}. */
  static String plainPercent(double p) {
    return (p == Math.rint(p) ? String.format(Locale.ROOT, "%.0f", p) : Double.toString(p)) + " %";
  }

  /** Seconds to pull {@code compressed} bytes at {@code mbit} megabits per second. */
  static double pullSeconds(long compressed, int mbit) {
    return compressed * 8.0 / (mbit * 1_000_000.0);
  }

  /** {@code 0.42 s}, {@code 12.3 s}, {@code 2 min 5 s}. */
  static String duration(double seconds) {
    if (seconds >= 120) {
      long s = Math.round(seconds);
      return s / 60 + " min " + s % 60 + " s";
    }
    return String.format(Locale.ROOT, seconds >= 10 ? "%.1f s" : "%.2f s", seconds);
  }

  /** {@code +0.35 s (+20.0 %)}, the percent left out from zero. */
  static String durationDelta(double base, double head) {
    double change = head - base;
    String d = (change < 0 ? "-" : "+") + duration(Math.abs(change));
    return base == 0 ? d : d + " (" + percent((head - base) * 100.0 / base) + ")";
  }

  static String signed(long n) {
    return n > 0 ? "+" + n : Long.toString(n);
  }
}
