package dev.sizebot.image;

import dev.sizebot.common.SizebotException;

/**
 * Counts entries kept in memory for one read, so millions of tiny entries cannot exhaust the heap.
 * The cap follows the heap ({@link ReadLimits#entriesFor}), so the way past it is a bigger heap.
 */
final class EntryBudget {
  private final int max;
  private long used;

  EntryBudget(int max) {
    this.max = max;
  }

  void spend(int entries, String where) {
    used += entries;
    if (used > max) {
      throw SizebotException.invalidInput(
          where
              + " has more than "
              + max
              + " file entries in total, more than sizebot's Java heap can analyse: if you trust"
              + " this image, give it more heap (e.g. SIZEBOT_JAVA_OPTS=-Xmx1g)");
    }
  }
}
