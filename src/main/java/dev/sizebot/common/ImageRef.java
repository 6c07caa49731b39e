package dev.sizebot.common;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A Docker image reference: {@code [registry/]repository[:tag][@digest]}. Kept as the user wrote
 * it, parsed only far enough to compare and display.
 */
public record ImageRef(String repository, Optional<String> tag, Optional<Digest> digest) {
  private static final Pattern REPOSITORY =
      Pattern.compile(
          "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?::[0-9]+)?(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*");
  private static final Pattern TAG = Pattern.compile("[\\w][\\w.-]{0,127}");

  public ImageRef {
    if (repository == null || !REPOSITORY.matcher(repository).matches()) {
      throw new IllegalArgumentException("bad repository: " + repository);
    }
    tag.ifPresent(
        t -> {
          if (!TAG.matcher(t).matches()) {
            throw new IllegalArgumentException("bad tag: " + t);
          }
        });
  }

  /** Parses a reference; throws {@link SizebotException} (invalid input) when it is not one. */
  public static ImageRef parse(String text) {
    try {
      Parts parts = Parts.split(text);
      return new ImageRef(parts.name(), parts.tag(), parts.digest().map(Digest::parse));
    } catch (IllegalArgumentException | SizebotException e) {
      throw SizebotException.invalidInput(
          "not an image reference: '" + text + "' (want name[:tag][@sha256:…])", e);
    }
  }

  /**
   * A reference split at its last {@code :} after the last {@code /} (tag) and its {@code @}
   * (digest), without validating any part: FROM lines still holding ARG variables split this way
   * too.
   */
  public record Parts(String name, Optional<String> tag, Optional<String> digest) {
    public static Parts split(String text) {
      String rest = text.strip();
      Optional<String> digest = Optional.empty();
      int at = rest.indexOf('@');
      if (at >= 0) {
        digest = Optional.of(rest.substring(at + 1));
        rest = rest.substring(0, at);
      }
      Optional<String> tag = Optional.empty();
      int colon = rest.lastIndexOf(':');
      if (colon > rest.lastIndexOf('/')) {
        tag = Optional.of(rest.substring(colon + 1));
        rest = rest.substring(0, colon);
      }
      return new Parts(rest, tag, digest);
    }
  }

  /**
   * True when {@code text} is syntactically a reference. Some file names ({@code app.tar}) are too,
   * so callers that accept both check the filesystem first.
   */
  public static boolean looksLikeRef(String text) {
    try {
      parse(text);
      return true;
    } catch (SizebotException e) {
      return false;
    }
  }

  /** Docker's short form: {@code name:tag} with {@code latest} when no tag or digest is given. */
  public String canonical() {
    StringBuilder s = new StringBuilder(repository);
    if (tag.isPresent()) {
      s.append(':').append(tag.get());
    } else if (digest.isEmpty()) {
      s.append(":latest");
    }
    digest.ifPresent(d -> s.append('@').append(d));
    return s.toString();
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder(repository);
    tag.ifPresent(t -> s.append(':').append(t));
    digest.ifPresent(d -> s.append('@').append(d));
    return s.toString();
  }
}
