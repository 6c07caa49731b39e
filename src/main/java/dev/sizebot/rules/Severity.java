package dev.sizebot.rules;

import dev.sizebot.common.SizebotException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How much a finding matters, in increasing order; {@code --fail-on} compares against it. */
public enum Severity {
  INFO,
  WARNING,
  ERROR;

  /** Lower-case name as users type it and outputs print it. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  public boolean isAtLeast(Severity other) {
    return compareTo(other) >= 0;
  }

  /** Parses {@code info}, {@code warning} or {@code error} (any case); throws invalid input. */
  public static Severity parse(String text) {
    for (Severity severity : values()) {
      if (severity.label().equalsIgnoreCase(text.strip())) {
        return severity;
      }
    }
    String allowed = Arrays.stream(values()).map(Severity::label).collect(Collectors.joining(", "));
    throw SizebotException.invalidInput("unknown severity '" + text + "'; use one of: " + allowed);
  }
}
