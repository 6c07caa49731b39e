package dev.sizebot.image;

import dev.sizebot.common.UnixPath;
import java.util.List;

/**
 * What one pass over a layer tar found.
 *
 * @param entries file entries in tar order, whiteout markers excluded
 * @param whiteouts paths this layer deletes from lower layers ({@code a/.wh.b} → {@code /a/b})
 * @param opaqueDirs directories whose lower-layer contents this layer hides ({@code .wh..wh..opq})
 * @param size content bytes as the engine counts a layer's size ({@code docker history}): regular
 *     files (each hardlinked inode once) plus symlink target lengths
 * @param tarBytes length of the uncompressed layer tar stream
 * @param compressedBytes compressed size: exact when the archive held the compressed blob, else an
 *     estimate of a gzip push ({@link #compressedExact()} tells which)
 */
public record LayerIndex(
    List<FileEntry> entries,
    List<UnixPath> whiteouts,
    List<UnixPath> opaqueDirs,
    long size,
    long tarBytes,
    long compressedBytes,
    boolean compressedExact) {
  public LayerIndex {
    entries = List.copyOf(entries);
    whiteouts = List.copyOf(whiteouts);
    opaqueDirs = List.copyOf(opaqueDirs);
    if (size < 0 || tarBytes < 0 || compressedBytes < 0) {
      throw new IllegalArgumentException("negative byte count");
    }
  }
}
