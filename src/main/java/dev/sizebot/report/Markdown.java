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
  // Control characters and bidirectional overrides (CVE-2021-42574, "Trojan Source") can make
  // text read differently from what it is; they are dropped.
  private static final Pattern INVISIBLE =
      Pattern.compile("[\\p{Cc}&&[^\\n\\r\\t]]|[\\u202A-\\u202E\\u2066-\\u2069]");
  // GFM's autolink extension links bare http://, https:// and www. text even when escaped; a zero-
  // width space keeps it readable and unlinked.
  private static final Pattern AUTOLINK =
      Pattern.compile("(?i)(?<=https?:|ftp:)(?=//)|(?<=www)(?=\\\\?\\.)");

  private Markdown() {}

  /** Escapes inline text: markdown punctuation, HTML, line breaks (folded) and mentions. */
  public static String text(String untrusted) {
    String oneLine = visible(untrusted).replace("\r", "").replace('\n', ' ').replace('\t', ' ');
    String escaped = SPECIAL.matcher(oneLine).replaceAll("\\\\$1");
    escaped = escaped.replace("&", "&amp;");
    return MENTION.matcher(escaped).replaceAll("@\u200d");
  }

  /**
   * Wraps untrusted text in an inline code span that cannot be broken out of: the fence is longer
   * than any backtick run inside (CommonMark 6.1), pipes are escaped for tables, and newlines fold.
   */
  public static String code(String untrusted) {
    return span(visible(untrusted).replace("\r", "").replace('\n', ' ').replace('|', '\u2502'));
  }

  /**
   * An inline code span for a table cell: a pipe becomes {@code \|}, which GFM's table parser turns
   * back into {@code |} ("include a pipe in a cell's content by escaping it, including inside other
   * inline spans", GFM spec, tables extension), so {@code make | tee log} reads and copies as
   * written. A pipe right after a backslash becomes {@code │} (U+2502), as in {@link #code}.
   */
  public static String codeCell(String untrusted) {
    String oneLine = visible(untrusted).replace("\r", "").replace('\n', ' ');
    // The table parser reads "\\" as an escaped backslash, so a pipe right after a backslash would
    // end the cell whatever we add: that pipe alone becomes U+2502, as in code().
    return span(oneLine.replace("\\|", "\\\u2502").replace("|", "\\|"));
  }

  /**
   * Untrusted prose for the PR comment: cut to {@code max} characters (with an ellipsis), escaped
   * as {@link #text}, and bare URLs kept from becoming links.
   */
  public static String prose(String untrusted, int max) {
    return AUTOLINK.matcher(text(clip(untrusted, max))).replaceAll("\u200b");
  }

  /** {@link #code} of the text cut to {@code max} characters. */
  public static String code(String untrusted, int max) {
    return code(clip(untrusted, max));
  }

  /** {@link #codeCell} of the text cut to {@code max} characters. */
  public static String codeCell(String untrusted, int max) {
    return codeCell(clip(untrusted, max));
  }

  /** At most {@code max} code points, the last an ellipsis when cut; no split surrogate pairs. */
  public static String clip(String text, int max) {
    if (text.codePointCount(0, text.length()) <= max) {
      return text;
    }
    return text.substring(0, text.offsetByCodePoints(0, max - 1)) + "…";
  }

  private static String visible(String text) {
    return INVISIBLE.matcher(text).replaceAll("");
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
  public static String block(String language, String raw) {
    String untrusted = visible(raw);
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
