package dev.sizebot.image;

import dev.sizebot.common.SizebotException;

/** Counts entries kept in memory for one read, so millions of tiny entries cannot exhaust heap. */
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
              + " file entries in total: raise the entry limit only if you trust this image");
    }
  }
}
