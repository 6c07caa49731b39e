package dev.sizebot.image;

import java.util.Objects;

/**
 * A layer blob as found in an archive: its index, how it was stored, and its blob size.
 *
 * @param storedBytes bytes of the blob as stored (compressed when {@code compression} is not NONE)
 */
record IndexedLayer(LayerIndex index, Compression compression, long storedBytes) {
  IndexedLayer {
    Objects.requireNonNull(index, "index");
    Objects.requireNonNull(compression, "compression");
  }
}
