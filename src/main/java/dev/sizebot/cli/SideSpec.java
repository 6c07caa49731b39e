package dev.sizebot.cli;

import dev.sizebot.common.ImageRef;
import dev.sizebot.common.SizebotException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

/** What the user named as one side of {@code sizebot compare}. */
sealed interface SideSpec {
  /** A docker-save archive, an OCI layout tar, or an OCI layout directory ({@code #REF} picks). */
  record Archive(ArchiveTarget target) implements SideSpec {}

  /** An image in the local engine, by reference or ID. */
  record EngineImage(String ref) implements SideSpec {}

  /** Build {@code dockerfile} in {@code context} as checked out at git {@code ref}. */
  record GitBuild(String ref) implements SideSpec {}

  /** Build this Dockerfile in the working tree's context. */
  record DockerfileBuild(Path dockerfile) implements SideSpec {}

  /** File names of archives that {@code docker save} and OCI tools write. */
  Pattern ARCHIVE_NAME = Pattern.compile(".*\\.(?:tar|tar\\.gz|tgz|tar\\.zst)");

  /**
   * A positional argument: an existing path (or {@code PATH#REF}) is an archive or layout (some
   * file names, such as {@code app.tar}, are also valid image references, so the filesystem wins);
   * otherwise an engine image reference or ID.
   */
  static SideSpec parse(String text, String side) {
    Optional<ArchiveTarget> archive = ArchiveTarget.parse(text);
    if (archive.isPresent()) {
      return new Archive(archive.get());
    }
    if (ARCHIVE_NAME.matcher(text).matches() && ImageRef.looksLikeRef(text)) {
      // "app.tar" is also a valid image name, but one named like an archive is a missing file,
      // not an engine image to look up (names that are no ref get the message below).
      throw SizebotException.invalidInput(
          side + " archive '" + text + "' does not exist: check the path");
    }
    if (text.startsWith("sha256:") || ImageRef.looksLikeRef(text)) {
      return new EngineImage(text);
    }
    throw SizebotException.invalidInput(
        side
            + " '"
            + text
            + "' is neither an existing archive/directory nor an image reference: check the path"
            + " or the name");
  }
}
