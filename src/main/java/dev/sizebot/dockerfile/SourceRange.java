package dev.sizebot.dockerfile;

/**
 * Where an instruction sits in its Dockerfile: 1-based lines (inclusive) and 1-based columns. The
 * range starts at the instruction's keyword and ends one past the last character of its last line
 * (continuation lines, comments inside them and heredoc bodies included), so replacing lines {@code
 * startLine..endLine} replaces exactly the instruction.
 */
public record SourceRange(int startLine, int startColumn, int endLine, int endColumn) {
  public SourceRange {
    if (startLine < 1 || endLine < startLine || startColumn < 1 || endColumn < 1) {
      throw new IllegalArgumentException(
          "bad source range " + startLine + ":" + startColumn + "-" + endLine + ":" + endColumn);
    }
  }

  /** Number of source lines the range covers. */
  public int lineCount() {
    return endLine - startLine + 1;
  }

  /** Whether the 1-based line lies inside the range. */
  public boolean containsLine(int line) {
    return line >= startLine && line <= endLine;
  }
}
