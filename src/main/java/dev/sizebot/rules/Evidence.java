package dev.sizebot.rules;

import dev.sizebot.common.UnixPath;
import java.util.List;
import java.util.Optional;

/**
 * What the image built from the linted Dockerfile shows, so a rule can confirm a finding and size
 * its saving. Instructions are named by their first Dockerfile line (the line a finding points at);
 * the analysis maps layers to lines. Every answer is optional: empty means "not known" (no image,
 * or the layer cannot be tied to the line), never "zero".
 */
public interface Evidence {
  /** No image: every question is unanswered. Rules then report without savings. */
  Evidence NONE =
      new Evidence() {
        @Override
        public Optional<ShippedBytes> bytesUnder(int instructionLine, UnixPath dir) {
          return Optional.empty();
        }

        @Override
        public Optional<ShippedBytes> deletedLater(int createdAtLine, int deletedAtLine) {
          return Optional.empty();
        }

        @Override
        public Optional<ShippedBytes> finalBytesUnder(UnixPath path) {
          return Optional.empty();
        }
      };

  /** Bytes the layer of the instruction at {@code instructionLine} adds under {@code dir}. */
  Optional<ShippedBytes> bytesUnder(int instructionLine, UnixPath dir);

  /**
   * Bytes the layer of {@code createdAtLine} adds that the layer of the later {@code deletedAtLine}
   * deletes (whiteouts) — hidden from the final filesystem but still shipped.
   */
  Optional<ShippedBytes> deletedLater(int createdAtLine, int deletedAtLine);

  /**
   * Bytes under {@code path} (a file or directory) in the final image filesystem; no bytes means
   * known to be absent.
   */
  Optional<ShippedBytes> finalBytesUnder(UnixPath path);

  /**
   * The files the layer of the instruction at {@code instructionLine} ships that later layers
   * deleted or overwrote, largest first; empty when none or not known.
   */
  default List<DeadFile> deadFilesOf(int instructionLine) {
    return List.of();
  }

  /** Whether {@code path} exists in the final image, when known. */
  default Optional<Boolean> presentInFinalImage(UnixPath path) {
    return finalBytesUnder(path).map(bytes -> !bytes.isEmpty());
  }
}
