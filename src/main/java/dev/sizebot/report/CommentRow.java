package dev.sizebot.report;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * A table row of the PR comment. GitHub lets tables wrap cells to the comment's width, which breaks
 * {@code 1.20 MB} or {@code 4 (new)} over two lines; short cells that are not code get non-breaking
 * spaces (U+00A0) so a number stays with its unit.
 */
final class CommentRow {
  static final int SHORT = 40;

  private CommentRow() {}

  static void append(StringBuilder md, String... cells) {
    md.append("| ")
        .append(Arrays.stream(cells).map(CommentRow::keep).collect(Collectors.joining(" | ")))
        .append(" |\n");
  }

  private static String keep(String cell) {
    return cell.length() <= SHORT && cell.indexOf('`') < 0 ? cell.replace(' ', '\u00a0') : cell;
  }
}
