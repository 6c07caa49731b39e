package dev.sizebot.analysis;

import dev.sizebot.common.UnixPath;
import java.util.Objects;

/**
 * Bytes a layer ships that are dead in the final image: reclaimable by not writing them in the
 * first place.
 *
 * @param path the tar path that carries the bytes; for hardlinked content, the entry that holds the
 *     data (its links own no bytes)
 * @param bytes the dead content bytes (never 0: directories and empty files never count)
 * @param addedBy position of the layer that shipped the bytes
 * @param removedBy position of the layer that made them dead; for hardlinked content, the layer
 *     that removed the last name, since the bytes live while any name does
 */
public record WastedFile(UnixPath path, long bytes, int addedBy, int removedBy, Cause cause) {
  public WastedFile {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(cause, "cause");
    if (bytes <= 0 || addedBy < 0 || removedBy < addedBy) {
      throw new IllegalArgumentException("bad wasted file " + path);
    }
  }
}
