package dev.sizebot.dockerfile;

import java.util.Objects;

/**
 * A parser directive from the top of the file ({@code # syntax=…}, {@code # escape=…}, {@code #
 * check=…}); the name is lower-case, as BuildKit matches it case-insensitively.
 */
public record Directive(String name, String value, int line) {
  public Directive {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
    if (line < 1) {
      throw new IllegalArgumentException("line must be >= 1: " + line);
    }
  }
}
