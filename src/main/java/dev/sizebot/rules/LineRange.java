package dev.sizebot.rules;

/**
 * Lines of a Dockerfile, 1-based and inclusive — the unit a fix replaces and a SARIF region or a
 * GitHub suggestion addresses — and, when a finding points at part of a line (a flag, a word), the
 * 1-based columns where it starts (on {@code start}) and ends, exclusive (on {@code end}).
 *
 * @param startColumn 0 when the range is whole lines
 * @param endColumn 0 when the range is whole lines
 */
public record LineRange(int start, int end, int startColumn, int endColumn)
    implements Comparable<LineRange> {
  public LineRange {
    if (start < 1 || end < start) {
      throw new IllegalArgumentException("bad line range " + start + "-" + end);
    }
    boolean whole = startColumn == 0 && endColumn == 0;
    if (!whole && (startColumn < 1 || endColumn < 1 || (start == end && endColumn < startColumn))) {
      throw new IllegalArgumentException(
          "bad column range " + start + ":" + startColumn + "-" + end + ":" + endColumn);
    }
  }

  /** Whole lines {@code start..end}. */
  public LineRange(int start, int end) {
    this(start, end, 0, 0);
  }

  public static LineRange of(int line) {
    return new LineRange(line, line);
  }

  /** Whether the range names columns, not just lines. */
  public boolean hasColumns() {
    return startColumn > 0;
  }

  public boolean contains(int line) {
    return line >= start && line <= end;
  }

  /** {@code 4} or {@code 4-6}, as people write line references. */
  public String label() {
    return start == end ? Integer.toString(start) : start + "-" + end;
  }

  @Override
  public int compareTo(LineRange other) {
    if (start != other.start) {
      return Integer.compare(start, other.start);
    }
    if (end != other.end) {
      return Integer.compare(end, other.end);
    }
    return Integer.compare(startColumn, other.startColumn);
  }
}
