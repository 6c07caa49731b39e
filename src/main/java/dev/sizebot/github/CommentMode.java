package dev.sizebot.github;

import dev.sizebot.common.SizebotException;
import java.util.Locale;

/** How the sticky comment is kept: edited in place, deleted and posted anew, or not at all. */
public enum CommentMode {
  UPDATE,
  RECREATE,
  OFF;

  /** Parses the {@code comment_mode} input; {@code source} names it for the error. */
  public static CommentMode parse(String value, String source) {
    try {
      return valueOf(value.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw SizebotException.invalidInput(
          source + "='" + value + "' is not a comment mode: use update, recreate or off");
    }
  }
}
