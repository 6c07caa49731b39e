package dev.sizebot.report;

import java.util.regex.Pattern;

/**
 * Escaping for text that came from a PR or an image (paths, instructions, labels) before it goes
 * into GitHub-flavoured markdown. Untrusted text must not open links, images, HTML, tables or
 * mentions, nor ping users or teams.
 */
public final class Markdown {
  private static final Pattern SPECIAL = Pattern.compile("([\\\\`*_{}\\[\\]()#+\\-.!|<>~])");
  // GitHub turns @user and @org/team into mentions (and notifications); a zero-width joiner after
  // the @ keeps the text readable while defeating the mention.
  private static final Pattern MENTION = Pattern.compile("@(?=[A-Za-z0-9])");

  private Markdown() {}

  /** Escapes inline text: markdown punctuation, HTML, line breaks (folded) and mentions. */
  public static String text(String untrusted) {
    String oneLine = untrusted.replace("\r", "").replace('\n', ' ').replace('\t', ' ');
    String escaped = SPECIAL.matcher(oneLine).replaceAll("\\\\$1");
    escaped = escaped.replace("&", "&amp;");
    return MENTION.matcher(escaped).replaceAll("@\u200d");
  }

  /**
   * Wraps untrusted text in an inline code span that cannot be broken out of: the fence is longer
   * than any backtick run inside (CommonMark 6.1), pipes are escaped for tables, and newlines fold.
   */
  public static String code(String untrusted) {
    return span(untrusted.replace("\r", "").replace('\n', ' ').replace('|', '\u2502'));
  }

  /**
   * An inline code span for a table cell: a pipe becomes {@code \|}, which GFM's table parser turns
   * back into {@code |} ("include a pipe in a cell's content by escaping it, including inside other
   * inline spans", GFM spec, tables extension), so {@code make | tee log} reads and copies as
   * written. A pipe right after a backslash becomes {@code │} (U+2502), as in {@link #code}.
   */
  public static String codeCell(String untrusted) {
    String oneLine = untrusted.replace("\r", "").replace('\n', ' ');
    // The table parser reads "\\" as an escaped backslash, so a pipe right after a backslash would
    // end the cell whatever we add: that pipe alone becomes U+2502, as in code().
    return span(oneLine.replace("\\|", "\\\u2502").replace("|", "\\|"));
  }

  private static String span(String oneLine) {
    int longest = 0;
    int run = 0;
    for (int i = 0; i < oneLine.length(); i++) {
      run = oneLine.charAt(i) == '`' ? run + 1 : 0;
      longest = Math.max(longest, run);
    }
    String fence = "`".repeat(longest + 1);
    boolean pad = oneLine.startsWith("`") || oneLine.endsWith("`") || oneLine.isBlank();
    return pad ? fence + " " + oneLine + " " + fence : fence + oneLine + fence;
  }

  /** A fenced code block whose fence is longer than any backtick run in the content. */
  public static String block(String language, String untrusted) {
    int longest = 0;
    int run = 0;
    for (int i = 0; i < untrusted.length(); i++) {
      run = untrusted.charAt(i) == '`' ? run + 1 : 0;
      longest = Math.max(longest, run);
    }
    String fence = "`".repeat(Math.max(3, longest + 1));
    String body = untrusted.endsWith("\n") ? untrusted : untrusted + "\n";
    return fence + language + "\n" + body + fence + "\n";
  }
}
