package dev.sizebot.dockerfile;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
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

  /** A flag BuildKit rejects: why, and the flag as {@code --name} to point at. */
  record Problem(String message, String flag) {}

  /** Checks the flags of {@code keyword}; the first problem, or empty when they are fine. */
  static Optional<Problem> check(String keyword, List<String> flags) {
    Map<String, Kind> allowed = ALLOWED.getOrDefault(keyword, Map.of());
    Set<String> used = new HashSet<>();
    for (String flag : flags) {
      if (flag.equals("--")) {
        return Optional.empty();
      }
      String body = flag.substring(2);
      int eq = body.indexOf('=');
      String name = eq < 0 ? body : body.substring(0, eq);
      Kind kind = allowed.get(name);
      String message;
      if (kind == null) {
        message =
            "unknown flag: "
                + name
                + " ("
                + keyword.toUpperCase(Locale.ROOT)
                + (allowed.isEmpty() ? " takes no flags)" : " accepts --" + sorted(allowed) + ")");
      } else if (!used.add(name) && kind != Kind.STRINGS) {
        message = "duplicate flag specified: " + name;
      } else {
        message = valueProblem(kind, name, eq < 0 ? "" : body.substring(eq + 1), eq >= 0);
      }
      if (!message.isEmpty()) {
        return Optional.of(new Problem(message, "--" + name));
      }
    }
    return Optional.empty();
  }

  private static String valueProblem(Kind kind, String name, String value, boolean hasValue) {
    if (kind == Kind.BOOL) {
      if (hasValue && value.isEmpty()) {
        return "missing a value on flag: " + name;
      }
      String lower = value.toLowerCase(Locale.ROOT);
      if (!lower.isEmpty() && !lower.equals("true") && !lower.equals("false")) {
        return "expecting boolean value for flag " + name + ", not: " + value;
      }
    } else if (!hasValue) {
      return "missing a value on flag: " + name;
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
