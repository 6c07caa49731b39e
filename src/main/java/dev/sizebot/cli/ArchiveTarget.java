package dev.sizebot.cli;

import dev.sizebot.common.SizebotException;
import dev.sizebot.image.Image;
import dev.sizebot.image.ImageSelector;
import dev.sizebot.image.ImageSource;
import dev.sizebot.image.LayerCache;
import dev.sizebot.image.ReadLimits;
import dev.sizebot.image.SeveralImages;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * An image archive or OCI layout on disk, and which of its images to read: {@code PATH} for the
 * only one, {@code PATH#REF} for one of several ({@code app.tar#app:1}, {@code
 * layout#sha256:ab12…}). '#' cannot occur in an image reference, and a path that exists as written
 * wins, so a file whose name holds '#' is still read as itself.
 */
record ArchiveTarget(Path path, Optional<String> ref) {
  static final char SEPARATOR = '#';

  /** What {@code text} names on disk; empty when it is no existing path, with or without '#'. */
  static Optional<ArchiveTarget> parse(String text) {
    Optional<Path> whole = existing(text);
    if (whole.isPresent()) {
      return Optional.of(new ArchiveTarget(whole.get(), Optional.empty()));
    }
    int at = text.lastIndexOf(SEPARATOR);
    if (at < 0) {
      return Optional.empty();
    }
    String archive = text.substring(0, at);
    String ref = text.substring(at + 1).strip();
    Path path =
        existing(archive)
            .orElseThrow(
                () ->
                    SizebotException.invalidInput(
                        "archive '" + archive + "' (before '#') does not exist: check the path"));
    if (ref.isEmpty()) {
      throw SizebotException.invalidInput(
          "'" + text + "' names no image after '#': write ARCHIVE#REF, e.g. " + archive + "#app:1");
    }
    return Optional.of(new ArchiveTarget(path, Optional.of(ref)));
  }

  Image read(String platform, ReadLimits limits, LayerCache cache) {
    ImageSelector selector = new ImageSelector(ref, platform);
    try {
      return ImageSource.open(path, limits, cache).read(selector);
    } catch (SeveralImages e) {
      // The reader names the choices; only the command line knows how the user names one.
      String example = path + String.valueOf(SEPARATOR) + e.exampleRef();
      throw SizebotException.invalidInput(
          e.fact() + ": name one as " + path + SEPARATOR + "REF, e.g. " + example, e);
    }
  }

  /** As the user wrote it, for the report. */
  @Override
  public String toString() {
    return path + ref.map(r -> SEPARATOR + r).orElse("");
  }

  private static Optional<Path> existing(String text) {
    try {
      Path path = Path.of(text);
      return Files.exists(path) ? Optional.of(path) : Optional.empty();
    } catch (InvalidPathException e) {
      return Optional.empty();
    }
  }
}
