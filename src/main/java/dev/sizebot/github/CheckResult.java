package dev.sizebot.github;

import java.util.Optional;

/**
 * What was published: a check run, or a commit status when the token may not create checks; the
 * conclusion after the override label, and whether the label changed it.
 */
public record CheckResult(
    Kind kind, Conclusion conclusion, boolean overridden, Optional<String> url) {
  public enum Kind {
    CHECK_RUN,
    COMMIT_STATUS
  }
}
