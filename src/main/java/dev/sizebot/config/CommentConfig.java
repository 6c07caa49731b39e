package dev.sizebot.config;

import java.util.Optional;

/**
 * How the pull request comment is kept.
 *
 * @param mode update the one sticky comment, delete and post it anew, or post none
 * @param overrideLabel a pull request label that turns a failed budget into a pass (the report says
 *     so); empty for none
 */
public record CommentConfig(Mode mode, Optional<String> overrideLabel) {
  public static final CommentConfig DEFAULT = new CommentConfig(Mode.UPDATE, Optional.empty());

  public enum Mode {
    UPDATE,
    RECREATE,
    OFF
  }
}
