package dev.sizebot.analysis;

import dev.sizebot.common.UnixPath;
import java.util.List;
import java.util.Objects;

/**
 * The same content (equal hash and size) stored under several paths of the final filesystem.
 * Hardlinks to one file are one copy, not duplicates: they share their bytes.
 *
 * @param paths one path per copy, sorted
 */
public record Duplicate(String contentHash, long size, List<UnixPath> paths) {
  public Duplicate {
    Objects.requireNonNull(contentHash, "contentHash");
    paths = List.copyOf(paths);
    if (size <= 0 || paths.size() < 2) {
      throw new IllegalArgumentException("a duplicate needs 2+ copies of non-empty content");
    }
  }

  /** Bytes saved by keeping one copy: {@code (copies - 1) × size}. */
  public long savable() {
    return (paths.size() - 1) * size;
  }
}
