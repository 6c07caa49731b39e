package dev.sizebot.diff;

import java.util.Optional;

/** Percent change from a base value; undefined (empty) from zero. */
public final class Percent {
  private Percent() {}

  public static Optional<Double> of(long base, long head) {
    if (base == 0) {
      return Optional.empty();
    }
    return Optional.of((head - base) * 100.0 / base);
  }
}
