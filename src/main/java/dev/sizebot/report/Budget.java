package dev.sizebot.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The size budget of one image (the {@code budget:} block of {@code .github/sizebot.yml}). Every
 * limit is optional; the noise floor always applies: a change smaller than it, either way, reads
 * "no change" and is not judged by the increase limits (a rebuild that moves a few bytes of file
 * times must not fail a {@code max-increase-percent} of a tiny image).
 *
 * @param maxSize the head image may not be larger (uncompressed bytes)
 * @param maxIncrease head − base may not exceed this many bytes
 * @param maxIncreasePercent head − base may not exceed this percentage of base
 * @param warnIncrease from this many bytes of growth the verdict is warn
 * @param warnIncreasePercent from this percentage of growth the verdict is warn
 * @param noiseFloor changes with {@code |Δ| <} this many bytes are "no change"
 */
public record Budget(
    Optional<Long> maxSize,
    Optional<Long> maxIncrease,
    Optional<Double> maxIncreasePercent,
    Optional<Long> warnIncrease,
    Optional<Double> warnIncreasePercent,
    long noiseFloor) {
  /**
   * 10 kB: above what rebuilding the same Dockerfile moves (timestamps, build ids), far below a
   * package.
   */
  public static final long DEFAULT_NOISE_FLOOR = 10_000;

  /** No limits, the default noise floor. */
  public static final Budget NONE =
      new Budget(
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          DEFAULT_NOISE_FLOOR);

  public Budget {
    positive(Objects.requireNonNull(maxSize, "maxSize"), "max-size");
    positive(Objects.requireNonNull(maxIncrease, "maxIncrease"), "max-increase");
    positive(Objects.requireNonNull(warnIncrease, "warnIncrease"), "warn-increase");
    percent(
        Objects.requireNonNull(maxIncreasePercent, "maxIncreasePercent"), "max-increase-percent");
    percent(
        Objects.requireNonNull(warnIncreasePercent, "warnIncreasePercent"),
        "warn-increase-percent");
    if (noiseFloor < 0) {
      throw new IllegalArgumentException("noise-floor must not be negative: " + noiseFloor);
    }
  }

  public Budget withMaxSize(long bytes) {
    return new Budget(
        Optional.of(bytes),
        maxIncrease,
        maxIncreasePercent,
        warnIncrease,
        warnIncreasePercent,
        noiseFloor);
  }

  public Budget withMaxIncrease(long bytes, double percent) {
    return new Budget(
        maxSize,
        Optional.of(bytes),
        Optional.of(percent),
        warnIncrease,
        warnIncreasePercent,
        noiseFloor);
  }

  public Budget withWarnIncrease(long bytes, double percent) {
    return new Budget(
        maxSize,
        maxIncrease,
        maxIncreasePercent,
        Optional.of(bytes),
        Optional.of(percent),
        noiseFloor);
  }

  public Budget withNoiseFloor(long bytes) {
    return new Budget(
        maxSize, maxIncrease, maxIncreasePercent, warnIncrease, warnIncreasePercent, bytes);
  }

  /** True when no limit is set (the noise floor alone is not a budget). */
  public boolean unlimited() {
    return maxSize.isEmpty()
        && maxIncrease.isEmpty()
        && maxIncreasePercent.isEmpty()
        && warnIncrease.isEmpty()
        && warnIncreasePercent.isEmpty();
  }

  /**
   * The limits as users write them: {@code max-size 300 MB · max-increase 20 MB}; empty if none.
   */
  public List<String> limits() {
    List<String> out = new ArrayList<>();
    maxSize.ifPresent(b -> out.add("max-size " + Numbers.bytes(b)));
    maxIncrease.ifPresent(b -> out.add("max-increase " + Numbers.bytes(b)));
    maxIncreasePercent.ifPresent(p -> out.add("max-increase-percent " + Numbers.plainPercent(p)));
    warnIncrease.ifPresent(b -> out.add("warn-increase " + Numbers.bytes(b)));
    warnIncreasePercent.ifPresent(p -> out.add("warn-increase-percent " + Numbers.plainPercent(p)));
    return List.copyOf(out);
  }

  private static void positive(Optional<Long> bytes, String name) {
    if (bytes.isPresent() && bytes.get() < 0) {
      throw new IllegalArgumentException(name + " must not be negative: " + bytes.get());
    }
  }

  private static void percent(Optional<Double> p, String name) {
    if (p.isPresent() && (p.get() < 0 || p.get().isNaN() || p.get().isInfinite())) {
      throw new IllegalArgumentException(name + " must be a percentage ≥ 0: " + p.get());
    }
  }
}
