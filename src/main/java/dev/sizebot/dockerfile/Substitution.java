package dev.sizebot.dockerfile;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
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

  // A glob has only *, ? and literals, so the shortest (lazy) or longest (greedy) match anchored
  // at the start is found by one regex; suffixes are prefixes of the reversed value and pattern.
  private static String trimPrefix(String value, String pattern, boolean longest) {
    Matcher m = glob(pattern, longest).matcher(value);
    return m.lookingAt() ? value.substring(m.end()) : value;
  }

  private static String trimSuffix(String value, String pattern, boolean longest) {
    String reversed = new StringBuilder(value).reverse().toString();
    return new StringBuilder(trimPrefix(reversed, reverseGlob(pattern), longest))
        .reverse()
        .toString();
  }

  private static String reverseGlob(String pattern) {
    List<String> tokens = new ArrayList<>();
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      tokens.add(c == '\\' && i + 1 < pattern.length() ? "\\" + pattern.charAt(++i) : "" + c);
    }
    Collections.reverse(tokens);
    return String.join("", tokens);
  }

  /** Shell glob to regex: {@code *}, {@code ?}, backslash escapes; everything else literal. */
  static Pattern glob(String pattern, boolean greedy) {
    StringBuilder re = new StringBuilder();
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '\\' && i + 1 < pattern.length()) {
        re.append(Pattern.quote(String.valueOf(pattern.charAt(++i))));
      } else if (c == '*') {
        re.append(greedy ? "(?s:.*)" : "(?s:.*?)");
      } else if (c == '?') {
        re.append("(?s:.)");
      } else {
        re.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(re.toString());
  }
}
