package dev.sizebot.image;

import dev.sizebot.common.Digest;
import java.util.List;
import java.util.Objects;

/**
 * An image as sizebot sees it, whatever archive or engine it came from.
 *
 * @param tags the references the source named it by (may be empty)
 * @param configDigest digest of the config blob (the image ID)
 * @param history the config's full history, empty layers included, in order
 * @param layers the filesystem layers, base first
 */
public record Image(
    List<String> tags,
    Digest configDigest,
    ImageConfig config,
    List<HistoryEntry> history,
    List<Layer> layers) {
  public Image {
    tags = List.copyOf(tags);
    Objects.requireNonNull(configDigest, "configDigest");
    Objects.requireNonNull(config, "config");
    history = List.copyOf(history);
    layers = List.copyOf(layers);
  }

  /** Sum of layer sizes, as {@code docker image inspect .Size} reports it. */
  public long size() {
    return layers.stream().mapToLong(l -> l.index().size()).sum();
  }

  /** Sum of compressed layer sizes: what a pull transfers when no layer is cached. */
  public long compressedSize() {
    return layers.stream().mapToLong(l -> l.index().compressedBytes()).sum();
  }
}
