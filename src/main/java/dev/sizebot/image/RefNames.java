package dev.sizebot.image;

import dev.sizebot.common.Digest;
import java.util.regex.Pattern;

/** Compares the reference a user typed with the names an archive gives its images. */
final class RefNames {
  private static final Pattern IMAGE_ID = Pattern.compile("(sha256:)?[0-9a-f]{12,64}");

  private RefNames() {}

  /**
   * True when {@code wanted} names the image called {@code candidate} (Docker's short and long
   * spellings agree: {@code app} = {@code app:latest} = {@code docker.io/library/app:latest}). A
   * bare tag candidate (OCI {@code org.opencontainers.image.ref.name: "1.0"}) matches by tag.
   */
  static boolean matches(String wanted, String candidate) {
    if (!candidate.contains(":") && !candidate.contains("/")) {
      return candidate.equals(tagOf(wanted));
    }
    return normalize(wanted).equals(normalize(candidate));
  }

  /** True when {@code wanted} is an image ID (prefix) of the image with this config digest. */
  static boolean matchesId(String wanted, Digest config) {
    if (!IMAGE_ID.matcher(wanted).matches()) {
      return false;
    }
    String hex = wanted.startsWith("sha256:") ? wanted.substring(7) : wanted;
    return config.algorithm().equals("sha256") && config.hex().startsWith(hex);
  }

  static String normalize(String ref) {
    String r = shorten(ref);
    int slash = r.lastIndexOf('/');
    boolean tagged = r.indexOf(':', slash + 1) >= 0 || r.contains("@");
    return tagged ? r : r + ":latest";
  }

  /** Drops Docker Hub's implied prefixes, as {@code docker images} does. */
  static String shorten(String ref) {
    String r = ref.strip();
    for (String prefix :
        new String[] {"docker.io/library/", "index.docker.io/library/", "docker.io/"}) {
      if (r.startsWith(prefix)) {
        return r.substring(prefix.length());
      }
    }
    return r;
  }

  private static String tagOf(String ref) {
    String n = normalize(ref);
    int at = n.indexOf('@');
    String name = at >= 0 ? n.substring(0, at) : n;
    return name.substring(name.lastIndexOf(':') + 1);
  }
}
