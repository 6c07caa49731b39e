package dev.sizebot.rules;

import dev.sizebot.analysis.Cause;
import dev.sizebot.common.UnixPath;
import java.util.Objects;
import java.util.Optional;

/**
 * A file an instruction's layer ships that a later layer deleted or overwrote: dead in the final
 * image, yet every byte is still pulled.
 *
 * @param shipped the layer and tar path that hold the bytes, and how many
 * @param removedAt the first line of the instruction whose layer made the file dead, when the layer
 *     maps to one
 * @param removed the path the later layer removed or wrote: the file itself, or the deleted
 *     directory above it (a {@code rm -rf docs} whites out {@code /app/docs}, not each file)
 */
public record DeadFile(
    ShippedBytes shipped,
    UnixPath path,
    Optional<Integer> removedAt,
    UnixPath removed,
    Cause cause) {
  public DeadFile {
    Objects.requireNonNull(shipped, "shipped");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(removedAt, "removedAt");
    Objects.requireNonNull(removed, "removed");
    Objects.requireNonNull(cause, "cause");
    if (shipped.isEmpty()) {
      throw new IllegalArgumentException("a dead file ships bytes: " + path);
    }
  }

  public long bytes() {
    return shipped.bytes();
  }

  /** Overwritten by a later write, as opposed to deleted (or hidden with its directory). */
  public boolean overwritten() {
    return cause == Cause.OVERWRITTEN;
  }
}
