package dev.sizebot.dockerfile;

import java.util.regex.Matcher;

/**
 * {@code ${V//pattern/replacement}}: BuildKit calls Go's {@code Regexp.ReplaceAllString}, whose
 * semantics differ from Java's {@code Matcher.replaceAll} in two ways this class reproduces: an
 * empty match right after a previous match is not replaced (Java replaces it), and the replacement
 * is a Go template ({@code $0} or {@code ${0}} is the match, {@code $$} a dollar, any other name is
 * empty because BuildKit's patterns have no groups, a {@code $} without a name stays literal).
 */
final class ReplaceAll {
  private ReplaceAll() {}

  /** Go's regexp.replaceAll loop (src/regexp/regexp.go), with its rules for empty matches. */
  static String apply(Matcher m, String value, String template) {
    StringBuilder out = new StringBuilder();
    int lastEnd = 0;
    int search = 0;
    while (search <= value.length() && m.find(search)) {
      out.append(value, lastEnd, m.start());
      if (m.end() > lastEnd || m.start() == 0) {
        out.append(expand(template, m.group()));
      }
      lastEnd = m.end();
      // Advance past the match, and at least one character.
      int width = search < value.length() ? Character.charCount(value.codePointAt(search)) : 0;
      if (search + width > m.end()) {
        search += width;
      } else if (search + 1 > m.end()) {
        search++;
      } else {
        search = m.end();
      }
    }
    return out.append(value, lastEnd, value.length()).toString();
  }

  /** Go's Regexp.Expand for a regex without groups. */
  static String expand(String template, String match) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < template.length()) {
      int dollar = template.indexOf('$', i);
      if (dollar < 0) {
        out.append(template, i, template.length());
        break;
      }
      out.append(template, i, dollar);
      i = dollar + 1;
      if (i < template.length() && template.charAt(i) == '$') {
        out.append('$');
        i++;
        continue;
      }
      boolean brace = i < template.length() && template.charAt(i) == '{';
      int start = brace ? i + 1 : i;
      int end = nameEnd(template, start);
      if (end == start || (brace && (end >= template.length() || template.charAt(end) != '}'))) {
        out.append('$'); // malformed: Go keeps the dollar as text
        continue;
      }
      if (template.substring(start, end).equals("0")) {
        out.append(match);
      }
      i = brace ? end + 1 : end;
    }
    return out.toString();
  }

  private static int nameEnd(String s, int from) {
    int i = from;
    while (i < s.length()) {
      int c = s.codePointAt(i);
      if (!Character.isLetterOrDigit(c) && c != '_') {
        break;
      }
      i += Character.charCount(c);
    }
    return i;
  }
}
