package dev.sizebot.cli;

import java.util.Locale;

/** The platform images are picked for when {@code --platform} is not given: the host's. */
final class HostPlatform {
  private HostPlatform() {}

  static String get() {
    String arch = System.getProperty("os.arch", "amd64").toLowerCase(Locale.ROOT);
    // JVM names → OCI names (image spec, image-index.md "platform").
    String oci =
        switch (arch) {
          case "x86_64", "amd64" -> "amd64";
          case "aarch64", "arm64" -> "arm64";
          case "ppc64le" -> "ppc64le";
          case "s390x" -> "s390x";
          default -> arch;
        };
    return "linux/" + oci;
  }
}
