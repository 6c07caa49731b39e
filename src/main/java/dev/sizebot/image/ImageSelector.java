package dev.sizebot.image;

import java.util.Objects;
import java.util.Optional;

/**
 * Which image to take from a source that may hold several.
 *
 * @param ref a reference as the user wrote it ({@code app:1}, {@code app} meaning {@code
 *     app:latest}, or an image ID prefix {@code sha256:ab12…}); empty means "the only one"
 * @param platform {@code os/arch[/variant]}; only used to choose among the platforms of a
 *     multi-platform index (a single-platform image is read whatever its platform)
 */
public record ImageSelector(Optional<String> ref, String platform) {
  public ImageSelector {
    Objects.requireNonNull(ref, "ref");
    Objects.requireNonNull(platform, "platform");
  }

  /** The only image of the source (an error lists the refs when there are several). */
  public static ImageSelector only(String platform) {
    return new ImageSelector(Optional.empty(), platform);
  }

  public static ImageSelector of(String ref, String platform) {
    return new ImageSelector(Optional.of(ref), platform);
  }

  @Override
  public String toString() {
    return ref.orElse("(the only image)") + " for " + platform;
  }
}
