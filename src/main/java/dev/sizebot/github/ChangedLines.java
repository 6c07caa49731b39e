package dev.sizebot.github;

import java.util.BitSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The head-side lines a unified-diff {@code patch} (as GET /pulls/{n}/files returns it) adds or
 * changes. Context lines are not counted: a suggestion is only posted on lines the PR changed.
 */
public final class ChangedLines {
  // "@@ -l,s +l,s @@ optional section heading" (GNU diff's unified format; ",s" may be absent).
  private static final Pattern HUNK = Pattern.compile("^@@ -\\d+(?:,\\d+)? \\+(\\d+)(?:,\\d+)? @@");

  private final BitSet lines;

  private ChangedLines(BitSet lines) {
    this.lines = lines;
  }

  public static ChangedLines of(String patch) {
    BitSet lines = new BitSet();
    int right = -1;
    for (String line : patch.split("\n", -1)) {
      Matcher hunk = HUNK.matcher(line);
      if (hunk.find()) {
        right = Integer.parseInt(hunk.group(1));
      } else if (right < 0 || line.startsWith("\\")) {
        continue; // before the first hunk, or "\ No newline at end of file"
      } else if (line.startsWith("+")) {
        lines.set(right++);
      } else if (line.startsWith(" ")) {
        right++;
      }
      // "-" lines exist only on the base side.
    }
    return new ChangedLines(lines);
  }

  /** True when every line of {@code start..end} was added or changed by the PR. */
  public boolean covers(int start, int end) {
    return start >= 1 && end >= start && lines.nextClearBit(start) > end;
  }

  public int count() {
    return lines.cardinality();
  }
}
