package dev.sizebot.diff;

import dev.sizebot.common.Digest;
import dev.sizebot.image.Image;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The headline numbers of one side.
 *
 * @param compressedExact true when every layer's compressed size is exact (else some are gzip
 *     estimates)
 * @param wastedBytes reclaimable bytes from the image analysis, when one was made
 */
public record ImageSummary(
    List<String> tags,
    Digest id,
    String platform,
    long size,
    long compressedSize,
    boolean compressedExact,
    int layers,
    int steps,
    int files,
    Optional<Long> wastedBytes) {
  public ImageSummary {
    tags = List.copyOf(tags);
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(platform, "platform");
    Objects.requireNonNull(wastedBytes, "wastedBytes");
  }

  static ImageSummary of(Image image, int steps, int files, Optional<Long> wastedBytes) {
    return new ImageSummary(
        image.tags(),
        image.configDigest(),
        image.config().platform(),
        image.size(),
        image.compressedSize(),
        image.layers().stream().allMatch(l -> l.index().compressedExact()),
        image.layers().size(),
        steps,
        files,
        wastedBytes);
  }
}
