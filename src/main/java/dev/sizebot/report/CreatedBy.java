package dev.sizebot.report;

import java.util.regex.Pattern;

/**
 * The short form of a history entry's {@code created_by}, as a reader wants it in a table: the
 * Dockerfile instruction without the shell wrapper each builder adds.
 *
 * <ul>
 *   <li>classic builder: {@code /bin/sh -c #(nop) COPY file:… in /} → {@code COPY file:… in /};
 *       {@code /bin/sh -c apt-get …} → {@code RUN apt-get …}; {@code |2 A=1 B=2 /bin/sh -c …} (a
 *       RUN with build args) → {@code RUN …}
 *   <li>BuildKit: {@code RUN /bin/sh -c make # buildkit} → {@code RUN make}
 * </ul>
 */
public final class CreatedBy {
  /** Longest instruction shown in a table; the JSON keeps the full text. */
  public static final int MAX_LENGTH = 80;

  private static final Pattern NOP = Pattern.compile("^/bin/sh -c #\\(nop\\)\\s*");
  private static final Pattern CLASSIC_RUN = Pattern.compile("^(?:\\|\\d+ .*?)?/bin/sh -c\\s+");
  private static final Pattern BUILDKIT_RUN =
      Pattern.compile("^RUN (?:\\|\\d+ .*?)?/bin/sh -c\\s+");
  private static final Pattern BUILDKIT_SUFFIX = Pattern.compile("\\s*# buildkit$");

  private CreatedBy() {}

  /** The instruction, whitespace folded, cut to {@link #MAX_LENGTH} with an ellipsis. */
  public static String shorten(String createdBy) {
    String s = createdBy.strip().replaceAll("\\s+", " ");
    s = BUILDKIT_SUFFIX.matcher(s).replaceFirst("");
    if (NOP.matcher(s).find()) {
      s = NOP.matcher(s).replaceFirst("");
    } else if (CLASSIC_RUN.matcher(s).find()) {
      s = "RUN " + CLASSIC_RUN.matcher(s).replaceFirst("");
    } else {
      s = BUILDKIT_RUN.matcher(s).replaceFirst("RUN ");
    }
    if (s.codePointCount(0, s.length()) > MAX_LENGTH) {
      s = s.substring(0, s.offsetByCodePoints(0, MAX_LENGTH - 1)) + "…";
    }
    return s;
  }
}
