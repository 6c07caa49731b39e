package dev.sizebot.image;

import dev.sizebot.common.Digest;
import java.util.Objects;
import java.util.Optional;

/**
 * One filesystem layer of an image, in order from the base (position 0).
 *
 * @param diffId digest of the uncompressed tar (config {@code rootfs.diff_ids})
 * @param blobDigest digest of the blob as stored in the archive (compressed when the archive held
 *     it compressed), when the manifest names one
 * @param mediaType the layer descriptor's media type, or the legacy docker-save equivalent
 * @param history the history entry that created this layer
 */
public record Layer(
    int position,
    Digest diffId,
    Optional<Digest> blobDigest,
    String mediaType,
    HistoryEntry history,
    LayerIndex index) {
  public Layer {
    Objects.requireNonNull(diffId, "diffId");
    Objects.requireNonNull(blobDigest, "blobDigest");
    Objects.requireNonNull(mediaType, "mediaType");
    Objects.requireNonNull(history, "history");
    Objects.requireNonNull(index, "index");
  }
}
