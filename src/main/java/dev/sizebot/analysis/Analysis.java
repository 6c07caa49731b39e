package dev.sizebot.analysis;

import dev.sizebot.image.Image;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * What an image wastes: the final filesystem, sizebot's reclaimable bytes (per path and per layer),
 * duplicated content, and dive's metrics beside them for comparison.
 *
 * @param reclaimable dead bytes per path, largest first: what upper layers overwrite or delete
 * @param layers one entry per layer, in layer order
 * @param duplicates content stored more than once in the final filesystem, most savable first
 */
public record Analysis(
    FinalFilesystem filesystem,
    List<WastedFile> reclaimable,
    List<LayerWaste> layers,
    List<Duplicate> duplicates,
    DiveMetrics dive) {
  /** How many largest files {@link #of(Image)} keeps. */
  public static final int DEFAULT_LARGEST = 100;

  public Analysis {
    Objects.requireNonNull(filesystem, "filesystem");
    reclaimable = List.copyOf(reclaimable);
    layers = List.copyOf(layers);
    duplicates = List.copyOf(duplicates);
    Objects.requireNonNull(dive, "dive");
  }

  public static Analysis of(Image image) {
    return of(image, DEFAULT_LARGEST);
  }

  /** Analyses an image, keeping its {@code largest} biggest files. */
  public static Analysis of(Image image, int largest) {
    if (largest < 0) {
      throw new IllegalArgumentException("largest must not be negative: " + largest);
    }
    // dive's metrics need their own walk over the layers; it runs beside ours on a second core.
    CompletableFuture<DiveMetrics> dive =
        CompletableFuture.supplyAsync(() -> DiveEfficiency.of(image.layers()));
    LayerStack stack = new LayerStack(image.layers().size());
    for (int i = 0; i < image.layers().size(); i++) {
      stack.apply(i, image.layers().get(i).index());
    }
    List<WastedFile> wasted =
        stack.wasted().stream()
            .sorted(
                Comparator.comparingLong(WastedFile::bytes)
                    .reversed()
                    .thenComparing(WastedFile::path)
                    .thenComparingInt(WastedFile::addedBy))
            .toList();
    FinalScan scan = FinalScan.of(stack.live().values(), largest);
    return new Analysis(
        scan.filesystem(), wasted, stack.perLayer(), scan.duplicates(), dive.join());
  }

  /** sizebot's reclaimable bytes: every dead byte counted once. */
  public long reclaimableBytes() {
    return reclaimable.stream().mapToLong(WastedFile::bytes).sum();
  }

  /** Bytes that keeping one copy of each duplicated content would save. */
  public long duplicateBytes() {
    return duplicates.stream().mapToLong(Duplicate::savable).sum();
  }
}
