package dev.sizebot.analysis;

import java.util.Objects;

/**
 * One of dive's "inefficient files": a path seen in two or more layers.
 *
 * @param count how many layer trees hold it as a leaf (dive's {@code len(Nodes)})
 * @param cumulativeSize the sum of its sizes over those layers (dive's {@code CumulativeSize})
 */
public record DivePath(String path, int count, long cumulativeSize) {
  public DivePath {
    Objects.requireNonNull(path, "path");
  }
}
