package dev.sizebot.dockerfile;

import java.util.Objects;
import java.util.Optional;

/**
 * {@code FROM [--platform=…] image [AS name]}: starts a stage.
 *
 * @param image the base image or earlier stage name, expanded with the global ARGs
 * @param stageName the lower-cased stage name after {@code AS}
 * @param platform the expanded {@code --platform} value
 */
public record From(Node node, String image, Optional<String> stageName, Optional<String> platform)
    implements Instruction {
  public From {
    Objects.requireNonNull(node, "node");
    Objects.requireNonNull(image, "image");
    Objects.requireNonNull(stageName, "stageName");
    Objects.requireNonNull(platform, "platform");
  }

  /** True for {@code FROM scratch}, the empty base. */
  public boolean isScratch() {
    return image.equalsIgnoreCase("scratch");
  }
}
