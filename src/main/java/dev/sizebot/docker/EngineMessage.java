package dev.sizebot.docker;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The engine's own words from a docker-java error, without the status prefix and JSON wrapping. */
final class EngineMessage {
  // docker-java formats errors as: Status 404: {"message":"No such image: x:latest"}
  private static final Pattern JSON_MESSAGE =
      Pattern.compile("\"message\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
  private static final int MAX = 300;

  private EngineMessage() {}

  static String of(Throwable error) {
    return of(error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage());
  }

  /** The same for an error body the engine sent, e.g. {@code {"message":"No such container"}}. */
  static String of(String text) {
    Matcher json = JSON_MESSAGE.matcher(text);
    if (json.find()) {
      text = json.group(1).replace("\\\"", "\"").replace("\\n", " ");
    } else {
      text = text.replaceFirst("^Status \\d+:\\s*", "");
    }
    text = text.strip().replaceAll("\\s+", " ");
    return text.length() > MAX ? text.substring(0, MAX) + "…" : text;
  }
}
