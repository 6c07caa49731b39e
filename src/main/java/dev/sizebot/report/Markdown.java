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
    String oneLine = untrusted.replace("\r", "").replace('\n', ' ').replace('|', '\u2502');
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
