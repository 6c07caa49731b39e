package dev.sizebot.dockerfile;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;

/**
 * The {@code ${name<op>word}} forms of BuildKit's lexer (processDollar in
 * frontend/dockerfile/shell/lex.go), applied to a looked-up value.
 */
final class Substitution {
  private Substitution() {}

  /**
   * The {@code -}, {@code +}, {@code ?}, {@code #} and {@code %} forms; {@code spelled} is the
   * operator as written ({@code ":-"}, {@code "#"}, …). As in BuildKit a {@code :} only makes an
   * empty value count as unset, so {@code ${V:#p}} trims like {@code ${V#p}}, and a second {@code
   * #} or {@code %} is read from the processed word (where it makes the match the longest).
   */
  static String apply(
      String name, Optional<String> value, boolean colon, String spelled, String word) {
    char mod = spelled.charAt(spelled.length() - 1);
    String v = value.orElse("");
    boolean unset = value.isEmpty() || (colon && v.isEmpty());
    return switch (mod) {
      case '-' -> unset ? word : v;
      case '+' -> unset ? "" : word;
      case '?' -> required(name, value, unset, word);
      case '#', '%' -> {
        boolean longest = !word.isEmpty() && word.charAt(0) == mod;
        String pattern = longest ? word.substring(1) : word;
        yield mod == '#' ? trimPrefix(v, pattern, longest) : trimSuffix(v, pattern, longest);
      }
      default -> throw unsupported(spelled);
    };
  }

  /**
   * {@code ${name/pattern/replacement}} replaces the first match of the pattern, literally; {@code
   * ${name//pattern/replacement}} every match, with Go's template rules ({@link ReplaceAll}). The
   * pattern's {@code *} is greedy.
   */
  static String replace(String value, String pattern, String replacement, boolean all) {
    Matcher m = ShellPattern.matcher(pattern, true, value);
    if (all) {
      return ReplaceAll.apply(m, value, replacement);
    }
    return m.find()
        ? value.substring(0, m.start()) + replacement + value.substring(m.end())
        : value;
  }

  static WordLexer.LexException unsupported(String spelled) {
    return new WordLexer.LexException("unsupported modifier (" + spelled + ") in substitution");
  }

  private static String required(String name, Optional<String> value, boolean unset, String word) {
    if (!unset) {
      return value.orElseThrow();
    }
    String why = value.isEmpty() ? "is not allowed to be unset" : "is not allowed to be empty";
    throw new WordLexer.LexException(name + ": " + (word.isEmpty() ? why : word));
  }

  private static String trimPrefix(String value, String pattern, boolean longest) {
    Matcher m = ShellPattern.matcher(pattern, longest, value);
    return m.lookingAt() ? value.substring(m.end()) : value;
  }

  // A regex cannot find the shortest rightmost match, so BuildKit reverses value and pattern and
  // trims a prefix instead.
  private static String trimSuffix(String value, String pattern, boolean longest) {
    String reversed = new StringBuilder(value).reverse().toString();
    return new StringBuilder(trimPrefix(reversed, reversePattern(pattern), longest))
        .reverse()
        .toString();
  }

  /** Reverses by code point, keeping each backslash before the character it escapes. */
  static String reversePattern(String pattern) {
    List<String> tokens = new ArrayList<>();
    int i = 0;
    while (i < pattern.length()) {
      int c = pattern.codePointAt(i);
      int end = i + Character.charCount(c);
      if (c == '\\' && end < pattern.length()) {
        end += Character.charCount(pattern.codePointAt(end));
      }
      tokens.add(pattern.substring(i, end));
      i = end;
    }
    Collections.reverse(tokens);
    return String.join("", tokens);
  }
}
