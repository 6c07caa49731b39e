package dev.sizebot.cli;

import dev.sizebot.common.ImageRef;
import dev.sizebot.common.SizebotException;
import dev.sizebot.image.Image;
import dev.sizebot.image.LayerCache;
import dev.sizebot.image.ReadLimits;
import java.util.Locale;
import java.util.Optional;

/**
 * An image named on the command line: an existing archive or OCI layout directory (optionally
 * {@code #REF}, see {@link ArchiveTarget}) is read from disk, anything else is an image reference
 * the local engine has.
 */
final class ImageTarget {
  private ImageTarget() {}

  /** Reads {@code target}; {@code platform} picks from a multi-platform index. */
  static Image read(String target, Optional<String> platform, ReadLimits limits, LayerCache cache) {
    return ArchiveTarget.parse(target)
        .map(a -> a.read(platform.orElseGet(ImageTarget::hostPlatform), limits, cache))
        .orElseGet(() -> fromEngine(target, platform, limits, cache));
  }

  private static Image fromEngine(
      String target, Optional<String> platform, ReadLimits limits, LayerCache cache) {
    if (!ImageRef.looksLikeRef(target)) {
      throw SizebotException.invalidInput(
          "'"
              + target
              + "' is neither an existing file or directory nor an image reference: check the"
              + " path or name an image the engine has (docker images)");
    }
    return EngineImages.read(ImageRef.parse(target), platform, limits, cache);
  }

  /** {@code linux/<arch>} as Go (and so Docker) names this JVM's architecture. */
  static String hostPlatform() {
    return platformFor(System.getProperty("os.arch", "amd64"));
  }

  /** {@code linux/<arch>} for a JVM {@code os.arch} value, in Go's GOARCH names. */
  static String platformFor(String osArch) {
    String arch = osArch.toLowerCase(Locale.ROOT);
    String goArch =
        switch (arch) {
          case "x86_64", "amd64" -> "amd64";
          case "aarch64", "arm64" -> "arm64";
          case "x86", "i386", "i686" -> "386";
          default -> arch;
        };
    return "linux/" + goArch;
  }
}
