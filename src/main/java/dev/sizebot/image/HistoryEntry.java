package dev.sizebot.image;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of the image config's {@code history} (OCI image spec, config.md): the instruction that
 * made a layer, or an empty layer (ENV, LABEL, …) when {@code emptyLayer} is set.
 */
public record HistoryEntry(
    String createdBy, boolean emptyLayer, Optional<Instant> created, Optional<String> comment) {
  public HistoryEntry {
    Objects.requireNonNull(createdBy, "createdBy");
    Objects.requireNonNull(created, "created");
    Objects.requireNonNull(comment, "comment");
  }
}
