package dev.sizebot.dockerfile;

import java.util.Objects;
import java.util.Optional;

/** One name of an ARG instruction with its default value (expanded), if it declares one. */
public record ArgEntry(String name, Optional<String> defaultValue) {
  public ArgEntry {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(defaultValue, "defaultValue");
  }
}
