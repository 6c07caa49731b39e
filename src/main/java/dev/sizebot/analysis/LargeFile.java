package dev.sizebot.analysis;

import dev.sizebot.common.UnixPath;
import java.util.Objects;

/**
 * A file of the final filesystem.
 *
 * @param layer position of the layer that shipped its bytes
 */
public record LargeFile(UnixPath path, long size, int layer) {
  public LargeFile {
    Objects.requireNonNull(path, "path");
    if (size < 0 || layer < 0) {
      throw new IllegalArgumentException("bad file " + path);
    }
  }
}
