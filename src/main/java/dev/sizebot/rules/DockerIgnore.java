package dev.sizebot.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A {@code .dockerignore}, matched as BuildKit's patternmatcher does for a top-level name: patterns
 * are cleaned ({@code /x/} is {@code x}), {@code **} spans directories, {@code !} re-includes, and
 * the last matching pattern wins. A pattern also excludes everything under a matched directory.
 */
final class DockerIgnore {
  private record Rule(Pattern pattern, boolean exclude) {}

  private final List<Rule> rules;

  private DockerIgnore(List<Rule> rules) {
    this.rules = List.copyOf(rules);
  }

  static DockerIgnore parse(String text) {
    List<Rule> rules = new ArrayList<>();
    for (String raw : text.split("\r?\n")) {
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      boolean exclude = !line.startsWith("!");
      String pattern = clean(exclude ? line : line.substring(1).strip());
      if (!pattern.isEmpty()) {
        rules.add(new Rule(Pattern.compile(regex(pattern) + "(/.*)?"), exclude));
      }
    }
    return new DockerIgnore(rules);
  }

  /** Whether the context path ({@code .git}, {@code src/x.py}) is left out of the build. */
  boolean excludes(String path) {
    boolean excluded = false;
    for (Rule rule : rules) {
      if (rule.pattern().matcher(path).matches()) {
        excluded = rule.exclude();
      }
    }
    return excluded;
  }

  private static String clean(String pattern) {
    String p = pattern.replace('\\', '/');
    while (p.startsWith("/") || p.startsWith("./")) {
      p = p.startsWith("/") ? p.substring(1) : p.substring(2);
    }
    while (p.endsWith("/")) {
      p = p.substring(0, p.length() - 1);
    }
    return p;
  }

  private static String regex(String glob) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < glob.length(); i++) {
      char c = glob.charAt(i);
      if (glob.startsWith("**/", i)) {
        out.append("(?:.*/)?");
        i += 2;
      } else if (glob.startsWith("**", i)) {
        out.append(".*");
        i++;
      } else if (c == '*') {
        out.append("[^/]*");
      } else if (c == '?') {
        out.append("[^/]");
      } else {
        out.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return out.toString();
  }
}
