package dev.sizebot.dockerfile;

import dev.sizebot.common.SizebotException;

/** Builds the one-line parse error a user sees: {@code file:line: message}. */
final class ParseErrors {
  private ParseErrors() {}

  static SizebotException at(String source, int line, String message) {
    return SizebotException.invalidInput(source + ":" + line + ": " + message);
  }
}
