package dev.sizebot.diff;

import java.util.Objects;
import java.util.Optional;

/** One aligned step: the base step, the head step, or both, and how they matched. */
public record StepChange(Optional<Step> base, Optional<Step> head, Match match) {
  public StepChange {
    Objects.requireNonNull(base, "base");
    Objects.requireNonNull(head, "head");
    Objects.requireNonNull(match, "match");
    if (base.isEmpty() && head.isEmpty()) {
      throw new IllegalArgumentException("a step change needs a base or a head step");
    }
    if ((match == Match.ADDED) != base.isEmpty() || (match == Match.REMOVED) != head.isEmpty()) {
      throw new IllegalArgumentException(match + " does not fit the sides present");
    }
  }

  public static StepChange added(Step head) {
    return new StepChange(Optional.empty(), Optional.of(head), Match.ADDED);
  }

  public static StepChange removed(Step base) {
    return new StepChange(Optional.of(base), Optional.empty(), Match.REMOVED);
  }

  public static StepChange paired(Step base, Step head, Match match) {
    return new StepChange(Optional.of(base), Optional.of(head), match);
  }

  /** The head step when present, else the base step: the one to name the row by. */
  public Step shown() {
    return head.or(() -> base).orElseThrow();
  }

  public long baseSize() {
    return base.map(Step::size).orElse(0L);
  }

  public long headSize() {
    return head.map(Step::size).orElse(0L);
  }

  public long delta() {
    return headSize() - baseSize();
  }

  public long baseCompressed() {
    return base.map(Step::compressedSize).orElse(0L);
  }

  public long headCompressed() {
    return head.map(Step::compressedSize).orElse(0L);
  }

  /** True when neither side's compressed size is an estimate. */
  public boolean compressedExact() {
    return base.map(Step::compressedExact).orElse(true)
        && head.map(Step::compressedExact).orElse(true);
  }

  public long compressedDelta() {
    return headCompressed() - baseCompressed();
  }

  /** Δ in percent of the base size; empty when the base step had no bytes (new or from 0). */
  public Optional<Double> percent() {
    return Percent.of(baseSize(), headSize());
  }

  public boolean fromBaseImage() {
    return shown().fromBaseImage();
  }
}
