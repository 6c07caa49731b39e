package dev.sizebot.rules;

/**
 * Lines of a Dockerfile, 1-based and inclusive — the unit a fix replaces and a SARIF region or a
 * GitHub suggestion addresses.
 */
public record LineRange(int start, int end) implements Comparable<LineRange> {
  public LineRange {
    if (start < 1 || end < start) {
      throw new IllegalArgumentException("bad line range " + start + "-" + end);
    }
  }

  public static LineRange of(int line) {
    return new LineRange(line, line);
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
    return start != other.start
        ? Integer.compare(start, other.start)
        : Integer.compare(end, other.end);
  }
}
