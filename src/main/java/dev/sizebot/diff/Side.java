package dev.sizebot.diff;

import dev.sizebot.image.Image;
import java.util.Objects;
import java.util.Optional;

/**
 * One side of a comparison: the image, what its Dockerfile says about its steps (when known), and
 * its reclaimable waste (when an analysis was made).
 */
public record Side(Image image, Optional<BuildSteps> build, Optional<Long> wastedBytes) {
  public Side {
    Objects.requireNonNull(image, "image");
    Objects.requireNonNull(build, "build");
    Objects.requireNonNull(wastedBytes, "wastedBytes");
  }

  public static Side of(Image image) {
    return new Side(image, Optional.empty(), Optional.empty());
  }
}
