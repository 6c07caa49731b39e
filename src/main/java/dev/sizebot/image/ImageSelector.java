package dev.sizebot.image;

import java.util.List;
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

  /**
   * The names a {@code docker save} of this selector's ref writes in its manifest ({@code
   * RepoTags}), out of the engine's tags of the image: the tags the ref names, none for an image
   * ID.
   */
  public List<String> savedTags(List<String> repoTags) {
    return ref.map(r -> repoTags.stream().filter(t -> RefNames.matches(r, t)).toList())
        .orElse(List.of());
  }

  @Override
  public String toString() {
    return ref.orElse("(the only image)") + " for " + platform;
  }
}
