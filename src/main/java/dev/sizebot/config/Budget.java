package dev.sizebot.config;

import dev.sizebot.common.ByteSize;
import java.util.Optional;

/**
 * An image's size budget. Every limit is optional; an absent one is not checked. Increases are head
 * minus base (uncompressed, as {@code docker images} counts). A change smaller than the noise floor
 * counts as no change.
 *
 * @param maxSize the head image may not be bigger (fails the check)
 * @param maxIncrease the head may not grow by more (fails)
 * @param maxIncreasePercent nor by more than this percent of the base (fails)
 * @param warnIncrease growing by more warns
 * @param warnIncreasePercent growing by more than this percent warns
 * @param noiseFloor changes below it are "no change"
 */
public record Budget(
    Optional<ByteSize> maxSize,
    Optional<ByteSize> maxIncrease,
    Optional<Double> maxIncreasePercent,
    Optional<ByteSize> warnIncrease,
    Optional<Double> warnIncreasePercent,
    Optional<ByteSize> noiseFloor) {
  public static final Budget NONE =
      new Budget(
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty());

  public Budget {
    for (Optional<Double> percent : java.util.List.of(maxIncreasePercent, warnIncreasePercent)) {
      if (percent.filter(p -> !(p >= 0) || p.isInfinite()).isPresent()) {
        throw new IllegalArgumentException("bad percent " + percent.get());
      }
    }
  }
}
