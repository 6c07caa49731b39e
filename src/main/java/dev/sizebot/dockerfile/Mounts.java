package dev.sizebot.dockerfile;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Parses a {@code --mount} value: comma-separated {@code key=value} fields (CSV, so a field may be
 * double-quoted), type {@code bind} by default, as BuildKit's runmount does.
 */
final class Mounts {
  private static final Set<String> TYPES = Set.of("bind", "cache", "tmpfs", "secret", "ssh");

  private Mounts() {}

  /** The mount, or throws IllegalArgumentException with BuildKit's message. */
  static Mount parse(String value, UnaryOperator<String> expand) {
    Map<String, String> options = new LinkedHashMap<>();
    for (String field : csv(value)) {
      int eq = field.indexOf('=');
      String key = (eq < 0 ? field : field.substring(0, eq)).toLowerCase(Locale.ROOT).strip();
      String v = eq < 0 ? "" : expand.apply(field.substring(eq + 1));
      options.put(key, v);
    }
    String type = options.getOrDefault("type", "bind").toLowerCase(Locale.ROOT);
    if (!TYPES.contains(type)) {
      throw new IllegalArgumentException("unsupported mount type \"" + type + "\"");
    }
    return new Mount(type, options);
  }

  private static java.util.List<String> csv(String value) {
    java.util.List<String> fields = new java.util.ArrayList<>();
    StringBuilder f = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '"') {
        if (quoted && i + 1 < value.length() && value.charAt(i + 1) == '"') {
          f.append('"');
          i++;
        } else {
          quoted = !quoted;
        }
      } else if (c == ',' && !quoted) {
        fields.add(f.toString());
        f.setLength(0);
      } else {
        f.append(c);
      }
    }
    fields.add(f.toString());
    return fields.stream().filter(s -> !s.isBlank()).toList();
  }
}
