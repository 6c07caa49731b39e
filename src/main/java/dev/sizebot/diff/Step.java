package dev.sizebot.diff;

import dev.sizebot.common.Digest;
import dev.sizebot.image.Layer;
import java.util.Objects;
import java.util.Optional;

/**
 * One build step of an image: a history entry, with the layer it made unless it is an empty-layer
 * step (ENV, LABEL, …, 0 bytes).
 *
 * @param index position in the image's history, from 0
 * @param fromBaseImage true when the step belongs to the base image (the {@code FROM}) rather than
 *     to this build; false also when that is not known (see {@link BuildSteps})
 * @param line the Dockerfile line of the instruction, when the Dockerfile is known
 */
public record Step(
    int index,
    CreatedBy instruction,
    Optional<Layer> layer,
    boolean fromBaseImage,
    Optional<Integer> line) {
  public Step {
    if (index < 0) {
      throw new IllegalArgumentException("negative step index");
    }
    Objects.requireNonNull(instruction, "instruction");
    Objects.requireNonNull(layer, "layer");
    Objects.requireNonNull(line, "line");
  }

  /** Uncompressed content bytes ({@code docker history} size); 0 for an empty-layer step. */
  public long size() {
    return layer.map(l -> l.index().size()).orElse(0L);
  }

  /** Compressed bytes (exact or estimated, as the layer index says); 0 for an empty-layer step. */
  public long compressedSize() {
    return layer.map(l -> l.index().compressedBytes()).orElse(0L);
  }

  /** True unless the compressed size is an estimate (an empty-layer step has nothing to guess). */
  public boolean compressedExact() {
    return layer.map(l -> l.index().compressedExact()).orElse(true);
  }

  public Optional<Digest> diffId() {
    return layer.map(Layer::diffId);
  }
}
