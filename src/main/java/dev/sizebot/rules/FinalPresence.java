package dev.sizebot.rules;

import dev.sizebot.common.UnixPath;
import dev.sizebot.image.FileEntry;
import dev.sizebot.image.LayerIndex;
import java.util.Optional;

/**
 * What one layer says about a path when layers are read from the top down (OCI image spec,
 * layer.md: a layer's whiteouts apply to lower layers, then its entries apply).
 */
final class FinalPresence {
  private FinalPresence() {}

  /**
   * {@code true} when the layer puts something at or below {@code path}; {@code false} when it
   * hides the path (a whiteout of it or an ancestor, an opaque ancestor, a non-directory ancestor);
   * empty when the layer does not touch it and lower layers decide.
   */
  static Optional<Boolean> in(LayerIndex index, UnixPath path) {
    boolean hiddenByEntry = false;
    for (FileEntry entry : index.entries()) {
      if (entry.path().startsWith(path)) {
        return Optional.of(true);
      }
      if (!entry.isDirectory() && path.startsWith(entry.path())) {
        hiddenByEntry = true;
      }
    }
    if (index.opaqueDirs().stream().anyMatch(path::equals)) {
      return Optional.of(true);
    }
    boolean hidden =
        hiddenByEntry
            || index.whiteouts().stream().anyMatch(path::startsWith)
            || index.opaqueDirs().stream().anyMatch(path::startsWith);
    return hidden ? Optional.of(false) : Optional.empty();
  }
}
