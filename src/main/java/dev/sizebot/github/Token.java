package dev.sizebot.github;

import dev.sizebot.common.SizebotException;

/**
 * A GitHub token. Its {@link #toString()} never shows the value, so it cannot leak into a log line
 * or an error message by accident; only {@link GitHubSession} reads {@link #value()}.
 */
public record Token(String value) {
  public Token {
    if (value.isBlank() || value.chars().anyMatch(Character::isWhitespace)) {
      throw SizebotException.invalidInput(
          "the GitHub token is empty or contains whitespace: pass github_token or set GITHUB_TOKEN");
    }
  }

  @Override
  public String toString() {
    return "Token[***]";
  }
}
