package dev.sizebot.dockerfile;

import java.util.Optional;
import java.util.regex.Pattern;

/** The {@code ${name<op>word}} forms of BuildKit's lexer, applied to a looked-up value. */
final class Substitution {
  private Substitution() {}

  static String apply(
      String name, Optional<String> value, boolean colon, char mod, boolean longest, String word) {
    boolean set = value.isPresent();
    String v = value.orElse("");
    // With ':' an empty value counts as unset (POSIX); without, only a missing one does.
    boolean useValue = colon ? !v.isEmpty() : set;
    return switch (mod) {
      case '-' -> useValue ? v : word;
      case '+' -> useValue ? word : "";
      case '?' -> {
        if (!useValue) {
          throw new WordLexer.LexException(
              name + ": " + (word.isEmpty() ? "is not allowed to be unset" : word));
        }
        yield v;
      }
      case '#' -> trimPrefix(v, word, longest);
      case '%' -> trimSuffix(v, word, longest);
      default ->
          throw new WordLexer.LexException("unsupported modifier (" + mod + ") in substitution");
    };
  }

  private static String trimPrefix(String value, String pattern, boolean longest) {
    Pattern p = glob(pattern);
    if (longest) {
      for (int i = value.length(); i >= 0; i--) {
        if (p.matcher(value.substring(0, i)).matches()) {
          return value.substring(i);
        }
      }
    } else {
      for (int i = 0; i <= value.length(); i++) {
        if (p.matcher(value.substring(0, i)).matches()) {
          return value.substring(i);
        }
      }
    }
    return value;
  }

  private static String trimSuffix(String value, String pattern, boolean longest) {
    Pattern p = glob(pattern);
    if (longest) {
      for (int i = 0; i <= value.length(); i++) {
        if (p.matcher(value.substring(i)).matches()) {
          return value.substring(0, i);
        }
      }
    } else {
      for (int i = value.length(); i >= 0; i--) {
        if (p.matcher(value.substring(i)).matches()) {
          return value.substring(0, i);
        }
      }
    }
    return value;
  }

  /** Shell glob to regex: {@code *}, {@code ?}, backslash escapes; everything else literal. */
  static Pattern glob(String pattern) {
    StringBuilder re = new StringBuilder();
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '\\' && i + 1 < pattern.length()) {
        re.append(Pattern.quote(String.valueOf(pattern.charAt(++i))));
      } else if (c == '*') {
        re.append("(?s:.*)");
      } else if (c == '?') {
        re.append("(?s:.)");
      } else {
        re.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(re.toString());
  }
}
