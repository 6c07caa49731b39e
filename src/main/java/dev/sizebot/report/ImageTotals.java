package dev.sizebot.report;

import dev.sizebot.diff.ImageSummary;
import java.util.Objects;
import java.util.Optional;

/**
 * The headline figures of one built side.
 *
 * @param id the image (config) digest
 * @param compressedExact false when some layer's compressed size is a gzip estimate
 * @param wastedBytes reclaimable bytes, when the image was analysed
 */
public record ImageTotals(
    String id,
    String platform,
    long size,
    long compressedSize,
    boolean compressedExact,
    int layers,
    int steps,
    int files,
    Optional<Long> wastedBytes) {
  public ImageTotals {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(platform, "platform");
    Objects.requireNonNull(wastedBytes, "wastedBytes");
  }

  static ImageTotals of(ImageSummary s) {
    return new ImageTotals(
        s.id().toString(),
        s.platform(),
        s.size(),
        s.compressedSize(),
        s.compressedExact(),
        s.layers(),
        s.steps(),
        s.files(),
        s.wastedBytes());
  }
}
