package dev.sizebot.common;

import java.util.Locale;

/**
 * A byte count. Rendered in decimal SI units (kB, MB, GB) like {@code docker images} and {@code
 * docker history}, so our numbers read the same as the engine's.
 */
public record ByteSize(long bytes) implements Comparable<ByteSize> {
  public static final ByteSize ZERO = new ByteSize(0);

  public ByteSize {
    if (bytes < 0) {
      throw new IllegalArgumentException("byte size must not be negative: " + bytes);
    }
  }

  public static ByteSize of(long bytes) {
    return new ByteSize(bytes);
  }

  public ByteSize plus(ByteSize other) {
    return new ByteSize(Math.addExact(bytes, other.bytes));
  }

  /** Human form: {@code 0 B}, {@code 999 B}, {@code 1.5 kB}, {@code 12.3 MB}, {@code 1.07 GB}. */
  public String human() {
    return human(bytes);
  }

  /** Human form of a signed delta, always with its sign: {@code +1.5 MB}, {@code -300 B}. */
  public static String humanDelta(long delta) {
    if (delta == 0) {
      return "0 B";
    }
    return (delta > 0 ? "+" : "-") + human(Math.abs(delta));
  }

  static String human(long bytes) {
    if (bytes < 1000) {
      return bytes + " B";
    }
    String[] units = {"kB", "MB", "GB", "TB", "PB", "EB"};
    double value = bytes;
    int unit = -1;
    while (value >= 999.95 && unit < units.length - 1) {
      value /= 1000;
      unit++;
    }
    String pattern = value >= 100 ? "%.0f %s" : value >= 10 ? "%.1f %s" : "%.2f %s";
    return String.format(Locale.ROOT, pattern, value, units[unit]);
  }

  @Override
  public int compareTo(ByteSize other) {
    return Long.compare(bytes, other.bytes);
  }

  @Override
  public String toString() {
    return human();
  }
}
