package dev.sizebot.dockerfile;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Which flags each instruction accepts and how they are checked, after BuildKit's BFlags: unknown
 * flags, duplicates of single-valued flags, missing values and non-boolean values are errors.
 */
final class FlagRules {
  private enum Kind {
    STRING,
    STRINGS,
    BOOL
  }

  private static final Map<String, Map<String, Kind>> ALLOWED =
      Map.of(
          "add",
          Map.of(
              "chown", Kind.STRING,
              "chmod", Kind.STRING,
              "link", Kind.BOOL,
              "keep-git-dir", Kind.BOOL,
              "checksum", Kind.STRING,
              "exclude", Kind.STRINGS,
              "unpack", Kind.BOOL),
          "copy",
          Map.of(
              "chown", Kind.STRING,
              "from", Kind.STRING,
              "chmod", Kind.STRING,
              "link", Kind.BOOL,
              "parents", Kind.BOOL,
              "exclude", Kind.STRINGS),
          "from",
          Map.of("platform", Kind.STRING),
          "run",
          Map.of(
              "mount", Kind.STRINGS,
              "network", Kind.STRING,
              "security", Kind.STRING,
              "device", Kind.STRINGS),
          "healthcheck",
          Map.of(
              "interval", Kind.STRING,
              "timeout", Kind.STRING,
              "start-period", Kind.STRING,
              "start-interval", Kind.STRING,
              "retries", Kind.STRING));

  private FlagRules() {}

  /** Checks the flags of {@code keyword}; returns an error message or "" when they are fine. */
  static String check(String keyword, List<String> flags) {
    Map<String, Kind> allowed = ALLOWED.getOrDefault(keyword, Map.of());
    Set<String> used = new HashSet<>();
    for (String flag : flags) {
      if (flag.equals("--")) {
        return "";
      }
      String body = flag.substring(2);
      int eq = body.indexOf('=');
      String name = eq < 0 ? body : body.substring(0, eq);
      String value = eq < 0 ? "" : body.substring(eq + 1);
      Kind kind = allowed.get(name);
      if (kind == null) {
        return "unknown flag: "
            + name
            + " ("
            + keyword.toUpperCase(Locale.ROOT)
            + (allowed.isEmpty() ? " takes no flags)" : " accepts --" + sorted(allowed) + ")");
      }
      if (!used.add(name) && kind != Kind.STRINGS) {
        return "duplicate flag specified: " + name;
      }
      if (kind == Kind.BOOL) {
        if (eq >= 0 && value.isEmpty()) {
          return "missing a value on flag: " + name;
        }
        String lower = value.toLowerCase(Locale.ROOT);
        if (!lower.isEmpty() && !lower.equals("true") && !lower.equals("false")) {
          return "expecting boolean value for flag " + name + ", not: " + value;
        }
      } else if (eq < 0) {
        return "missing a value on flag: " + name;
      }
    }
    return "";
  }

  /** Whether a boolean flag is on ({@code --link} or {@code --link=true}). */
  static boolean isOn(Node node, String name) {
    return node.flagValues(name).stream()
        .reduce((a, b) -> b)
        .map(v -> v.isEmpty() || v.equalsIgnoreCase("true"))
        .orElse(false);
  }

  private static String sorted(Map<String, Kind> allowed) {
    return String.join(", --", new java.util.TreeSet<>(allowed.keySet()));
  }
}
