package dev.sizebot.dockerfile;

import java.util.Objects;

/** One {@code key=value} pair of ENV or LABEL, after expansion and quote removal. */
public record KeyValue(String key, String value) {
  public KeyValue {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
  }
}
