package dev.sizebot.docker;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An Engine API version such as {@code 1.41}, to decide whether the engine knows a newer parameter
 * (the Engine API adds query parameters per version and ignores the ones it does not know).
 */
record ApiVersion(int major, int minor) implements Comparable<ApiVersion> {
  private static final Pattern TEXT = Pattern.compile("(\\d+)\\.(\\d+)");

  /** {@code GET /containers/{id}/stats?one-shot=true} came with API 1.41 (Docker 20.10). */
  static final ApiVersion ONE_SHOT_STATS = new ApiVersion(1, 41);

  /** The version in {@code text}, e.g. {@code "1.41"}; empty when it is not MAJOR.MINOR. */
  static Optional<ApiVersion> parse(String text) {
    Matcher m = TEXT.matcher(text == null ? "" : text.strip());
    if (!m.matches()) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          new ApiVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))));
    } catch (NumberFormatException e) {
      return Optional.empty(); // more digits than an int holds: no real engine says so
    }
  }

  boolean atLeast(ApiVersion other) {
    return compareTo(other) >= 0;
  }

  @Override
  public int compareTo(ApiVersion other) {
    return major != other.major
        ? Integer.compare(major, other.major)
        : Integer.compare(minor, other.minor);
  }

  @Override
  public String toString() {
    return major + "." + minor;
  }
}
