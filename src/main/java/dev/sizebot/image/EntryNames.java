package dev.sizebot.image;

import dev.sizebot.common.SizebotException;
import dev.sizebot.common.UnixPath;

/**
 * Checks tar entry names before they become paths. Engines unpack layers under a root and archive
 * members under a directory, so every name is read relative to that root: a root entry ({@code /},
 * {@code ./}, {@code .}) and a leading {@code /} or {@code ./} on every name are ordinary (kaniko,
 * buildah, ko, jib and crane write them; moby unpacks them as the root and relative paths). A name
 * with a {@code ..} part or a NUL can only come from a broken or hostile archive, so it is refused
 * rather than normalized away (moby refuses the ones that climb; no writer emits the others).
 */
final class EntryNames {
  private EntryNames() {}

  /**
   * A layer tar member name (or hardlink target) as an image path: {@code /}, {@code ./}, {@code .}
   * are the root; {@code /app}, {@code ./app}, {@code app/} are {@code /app}.
   */
  static UnixPath layerPath(String name, String where) {
    check(name, where);
    return UnixPath.of("/" + name);
  }

  /**
   * An archive member name as a normalized relative path ({@code blobs/sha256/ab…}, no leading or
   * trailing slash, no {@code ./}).
   */
  static String archivePath(String name, String where) {
    check(name, where);
    return UnixPath.of("/" + name).value().substring(1);
  }

  /**
   * Resolves a symlink {@code target} written in archive member {@code member} to a relative
   * archive path; refuses targets that leave the archive.
   */
  static String linkTarget(String member, String target, String where) {
    // An absolute target would name the host's filesystem, not a member of this archive.
    if (target.indexOf('\0') >= 0 || target.startsWith("/")) {
      throw unsafeLink(target, where);
    }
    int slash = member.lastIndexOf('/');
    String dir = slash < 0 ? "" : member.substring(0, slash + 1);
    try {
      return UnixPath.of("/" + dir + target).value().substring(1);
    } catch (SizebotException e) {
      throw unsafeLink(target, where);
    }
  }

  private static void check(String name, String where) {
    if (name.indexOf('\0') >= 0 || hasDotDot(name)) {
      throw unsafe(name, where);
    }
  }

  private static boolean hasDotDot(String name) {
    for (int i = name.indexOf(".."); i >= 0; i = name.indexOf("..", i + 1)) {
      boolean starts = i == 0 || name.charAt(i - 1) == '/';
      boolean ends = i + 2 == name.length() || name.charAt(i + 2) == '/';
      if (starts && ends) {
        return true;
      }
    }
    return false;
  }

  private static SizebotException unsafe(String name, String where) {
    return SizebotException.invalidInput(
        where
            + " has an unsafe entry name '"
            + name.replace("\0", "\\0")
            + "' ('..' or NUL): refusing to read this archive");
  }

  private static SizebotException unsafeLink(String target, String where) {
    return SizebotException.invalidInput(
        where
            + " has an unsafe link target '"
            + target.replace("\0", "\\0")
            + "' (absolute, '..' above the archive or NUL): refusing to read this archive");
  }
}
