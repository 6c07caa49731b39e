package dev.sizebot.rules;

import dev.sizebot.common.UnixPath;
import java.util.List;

/**
 * Directories package managers and build tools rebuild on every run: what lands there belongs in a
 * {@code RUN --mount=type=cache} rather than in a layer.
 */
final class CacheDirs {
  private CacheDirs() {}

  static final List<String> ALL =
      List.of(
          "/var/cache/apt",
          "/var/lib/apt/lists",
          "/var/cache/apk",
          "/var/cache/dnf",
          "/var/cache/yum",
          "/root/.cache",
          "/root/.npm",
          "/usr/local/share/.cache",
          "/root/.m2",
          "/root/.gradle");

  /** The cache directory {@code path} lies in, or the path itself when it is in none. */
  static String of(UnixPath path) {
    return ALL.stream()
        .filter(d -> path.startsWith(UnixPath.of(d)))
        .findFirst()
        .orElse(path.value());
  }
}
