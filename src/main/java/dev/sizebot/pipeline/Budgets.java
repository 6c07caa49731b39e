package dev.sizebot.pipeline;

import dev.sizebot.common.ByteSize;
import dev.sizebot.report.Budget;

/** The configuration's {@code budget:} block as the budget the report judges by. */
final class Budgets {
  private Budgets() {}

  static Budget of(dev.sizebot.config.Budget b) {
    return new Budget(
        b.maxSize().map(ByteSize::bytes),
        b.maxIncrease().map(ByteSize::bytes),
        b.maxIncreasePercent(),
        b.warnIncrease().map(ByteSize::bytes),
        b.warnIncreasePercent(),
        b.noiseFloor().map(ByteSize::bytes).orElse(Budget.DEFAULT_NOISE_FLOOR));
  }
}
