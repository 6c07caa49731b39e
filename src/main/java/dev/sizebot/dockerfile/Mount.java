package dev.sizebot.dockerfile;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One {@code RUN --mount=…} value: its type (bind by default, as in BuildKit) and its
 * comma-separated options, expanded. Option keys are lower-case; bare options map to "".
 */
public record Mount(String type, Map<String, String> options) {
  public Mount {
    Objects.requireNonNull(type, "type");
    options = Collections.unmodifiableMap(new LinkedHashMap<>(options));
  }

  /** The mount target ({@code target}, {@code dst} or {@code destination}). */
  public Optional<String> target() {
    return option("target").or(() -> option("dst")).or(() -> option("destination"));
  }

  public Optional<String> option(String key) {
    return Optional.ofNullable(options.get(key));
  }

  public boolean isCache() {
    return type.equals("cache");
  }
}
