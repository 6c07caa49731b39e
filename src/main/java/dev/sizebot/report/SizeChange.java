package dev.sizebot.report;

import dev.sizebot.diff.Percent;
import java.util.Optional;

/** Uncompressed size of base and head, the figures a budget judges. */
public record SizeChange(long base, long head) {
  public SizeChange {
    if (base < 0 || head < 0) {
      throw new IllegalArgumentException("negative image size: " + base + " → " + head);
    }
  }

  public long delta() {
    return head - base;
  }

  public Optional<Double> percent() {
    return Percent.of(base, head);
  }

  /** {@code +787 MB (+365.7 %)}, as the comment's headline writes it (the check title too). */
  public String text() {
    return Numbers.deltaWithPercent(delta(), percent());
  }
}
