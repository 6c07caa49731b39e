package dev.sizebot.dockerfile;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A substitution pattern as BuildKit reads it (convertShellPatternToRegex in
 * frontend/dockerfile/shell/lex.go): {@code ?} is one character, {@code *} any run of characters
 * (shortest or longest), everything else is literal — no bracket expressions. A backslash before
 * {@code }} or {@code /} only protects the separator and is dropped; before {@code *}, {@code ?} or
 * {@code \} it makes that character literal; before anything else it is an error.
 */
final class ShellPattern {
  private ShellPattern() {}

  /**
   * The pattern as a regex. Go's {@code .} matches any character but a newline, which is Java's
   * {@code .} under UNIX_LINES (without it Java would also stop at \r, U+0085, U+2028, U+2029).
   */
  static Pattern compile(String pattern, boolean greedy) {
    StringBuilder re = new StringBuilder();
    int i = 0;
    while (i < pattern.length()) {
      int c = pattern.codePointAt(i);
      i += Character.charCount(c);
      if (c == '*') {
        re.append(greedy ? ".*" : ".*?");
      } else if (c == '?') {
        re.append('.');
      } else if (c == '\\' && i < pattern.length() && "}/".indexOf(pattern.charAt(i)) >= 0) {
        continue; // the separator that follows is then taken literally
      } else if (c == '\\') {
        int escaped = i < pattern.length() ? pattern.codePointAt(i) : 0xFFFD; // Go's %c of EOF
        if (escaped != '*' && escaped != '?' && escaped != '\\') {
          throw invalid(pattern, "invalid escape '\\" + Character.toString(escaped) + "'");
        }
        i += Character.charCount(escaped);
        re.append(Pattern.quote(Character.toString(escaped)));
      } else {
        re.append(Pattern.quote(Character.toString(c)));
      }
    }
    return Pattern.compile(re.toString(), Pattern.UNIX_LINES);
  }

  /**
   * A matcher of the pattern over {@code value} that gives up with a LexException after a fixed
   * number of character reads: Java's backtracking regex takes exponential time on patterns such as
   * {@code *a*a*a*a*b}, where Go's RE2 is linear, and a Dockerfile must not hang the parser.
   */
  static Matcher matcher(String pattern, boolean greedy, String value) {
    return compile(pattern, greedy).matcher(new Budgeted(value, pattern));
  }

  private static final class Budgeted implements CharSequence {
    private static final long READS = 10_000_000;
    private final String text;
    private final String pattern;
    private long reads;

    Budgeted(String text, String pattern) {
      this.text = text;
      this.pattern = pattern;
    }

    @Override
    public char charAt(int index) {
      if (++reads > READS) {
        throw invalid(pattern, "too costly to match");
      }
      return text.charAt(index);
    }

    @Override
    public int length() {
      return text.length();
    }

    @Override
    public CharSequence subSequence(int start, int end) {
      return text.substring(start, end);
    }

    @Override
    public String toString() {
      return text;
    }
  }

  private static WordLexer.LexException invalid(String pattern, String why) {
    return new WordLexer.LexException("invalid pattern (" + pattern + ") in substitution: " + why);
  }
}
