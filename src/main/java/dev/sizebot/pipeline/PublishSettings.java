package dev.sizebot.pipeline;

import dev.sizebot.github.CommentMode;
import java.util.Objects;

/**
 * What to publish besides the step's own files, from the action inputs or {@code
 * .github/sizebot.yml}.
 *
 * @param overrideLabel the label that turns a failing verdict into a neutral check and exit 0
 */
public record PublishSettings(
    CommentMode comment, boolean check, boolean suggestions, String overrideLabel) {
  public static final PublishSettings DEFAULT =
      new PublishSettings(CommentMode.UPDATE, true, true, "sizebot:override");

  public PublishSettings {
    Objects.requireNonNull(comment, "comment");
    Objects.requireNonNull(overrideLabel, "overrideLabel");
  }
}
