package dev.sizebot.diff;

import java.util.Objects;
import java.util.Optional;

/**
 * One runtime setting that differs between base and head.
 *
 * @param field {@code env}, {@code user}, {@code workdir}, {@code entrypoint}, {@code cmd}, {@code
 *     port}, {@code healthcheck} or {@code label}
 * @param key the variable, label or port for keyed fields; empty otherwise
 * @param base the base value; empty when the head added it
 * @param head the head value; empty when the head removed it
 */
public record ConfigChange(
    String field, Optional<String> key, Optional<String> base, Optional<String> head) {
  public ConfigChange {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(base, "base");
    Objects.requireNonNull(head, "head");
  }
}
