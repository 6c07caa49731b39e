package dev.sizebot.rules;

import dev.sizebot.dockerfile.Run;
import dev.sizebot.dockerfile.ShellCommand;
import dev.sizebot.dockerfile.Stage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The libraries a program built against {@code -dev}/{@code -devel} packages needs at run time. A
 * multi-stage rewrite leaves the headers in the build stage, but the shared libraries they link to
 * must be installed in the runtime stage, or the program fails to load (psycopg2 without libpq5).
 *
 * @param needed each development package of the stage with its runtime package, when well known
 */
record RuntimeLibraries(Map<String, Optional<String>> needed) {
  // Debian 12 (bookworm, the base of the slim images) and Alpine names; the runtime stage uses the
  // same distribution as the build stage.
  private static final Map<String, String> APT =
      Map.ofEntries(
          Map.entry("libpq-dev", "libpq5"),
          Map.entry("libssl-dev", "libssl3"),
          Map.entry("libffi-dev", "libffi8"),
          Map.entry("libxml2-dev", "libxml2"),
          Map.entry("libxslt1-dev", "libxslt1.1"),
          Map.entry("libjpeg-dev", "libjpeg62-turbo"),
          Map.entry("libjpeg62-turbo-dev", "libjpeg62-turbo"),
          Map.entry("libpng-dev", "libpng16-16"),
          Map.entry("zlib1g-dev", "zlib1g"),
          Map.entry("libmariadb-dev", "libmariadb3"),
          Map.entry("default-libmysqlclient-dev", "libmariadb3"),
          Map.entry("libsqlite3-dev", "libsqlite3-0"),
          Map.entry("libcurl4-openssl-dev", "libcurl4"),
          Map.entry("libyaml-dev", "libyaml-0-2"),
          Map.entry("libmagic-dev", "libmagic1"),
          Map.entry("libgmp-dev", "libgmp10"),
          Map.entry("libbz2-dev", "libbz2-1.0"),
          Map.entry("liblzma-dev", "liblzma5"));
  private static final Map<String, String> APK =
      Map.ofEntries(
          Map.entry("postgresql-dev", "libpq"),
          Map.entry("libpq-dev", "libpq"),
          Map.entry("openssl-dev", "libssl3"),
          Map.entry("libffi-dev", "libffi"),
          Map.entry("libxml2-dev", "libxml2"),
          Map.entry("libxslt-dev", "libxslt"),
          Map.entry("jpeg-dev", "libjpeg-turbo"),
          Map.entry("libjpeg-turbo-dev", "libjpeg-turbo"),
          Map.entry("zlib-dev", "zlib"),
          Map.entry("mariadb-dev", "mariadb-connector-c"),
          Map.entry("mariadb-connector-c-dev", "mariadb-connector-c"),
          Map.entry("sqlite-dev", "sqlite-libs"),
          Map.entry("yaml-dev", "yaml"));

  RuntimeLibraries {
    needed = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(needed));
  }

  /** The development packages the stage installs, in order, with their runtime packages. */
  static RuntimeLibraries of(Stage stage) {
    Map<String, Optional<String>> needed = new LinkedHashMap<>();
    for (Run run : stage.all(Run.class)) {
      for (ShellCommand c : run.commands()) {
        Map<String, String> known = c.isProgram("apk") ? APK : APT;
        for (String p : Toolchain.installedPackages(c)) {
          String bare = p.replaceAll("[=:<>].*$", "");
          if (isLibraryDev(bare)) {
            needed.putIfAbsent(bare, Optional.ofNullable(known.get(bare)));
          }
        }
      }
    }
    return new RuntimeLibraries(needed);
  }

  // Headers of the C library and of the interpreter come with the runtime base image itself.
  private static boolean isLibraryDev(String name) {
    return (name.endsWith("-dev") || name.endsWith("-devel"))
        && !name.matches("(?:libc6|musl|glibc|linux-libc|python[0-9.]*)-dev(?:el)?");
  }

  boolean isEmpty() {
    return needed.isEmpty();
  }

  /** The runtime packages known for the development packages. */
  List<String> known() {
    return needed.values().stream().flatMap(Optional::stream).distinct().toList();
  }

  /** The development packages without a known runtime package. */
  List<String> unknown() {
    return needed.entrySet().stream()
        .filter(e -> e.getValue().isEmpty())
        .map(Map.Entry::getKey)
        .toList();
  }

  /** "libpq5 (for libpq-dev), the runtime package of libfoo-dev". */
  String describe() {
    List<String> parts = new ArrayList<>();
    needed.forEach(
        (dev, runtime) ->
            parts.add(
                runtime
                    .map(r -> r + " (for " + dev + ")")
                    .orElse("the runtime package of " + dev)));
    return String.join(", ", parts);
  }
}
