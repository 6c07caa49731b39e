package dev.sizebot.github;

import java.util.Optional;

/** What publishing the sticky comment did, and the comment's address when there is one. */
public record CommentResult(Outcome outcome, Optional<String> url) {
  public enum Outcome {
    CREATED,
    UPDATED,
    UNCHANGED,
    RECREATED,
    SKIPPED
  }
}
