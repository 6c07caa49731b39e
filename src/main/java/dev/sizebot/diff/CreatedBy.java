package dev.sizebot.diff;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * A history entry's {@code created_by}, normalized to the Dockerfile instruction that made it, so
 * that the same step reads the same whichever builder wrote it.
 *
 * <p>The engine writes several dialects: BuildKit {@code RUN /bin/sh -c make # buildkit} and {@code
 * RUN |1 V=1 /bin/sh -c make # buildkit}; the classic builder {@code /bin/sh -c #(nop) ENV A=b} for
 * non-RUN steps and {@code |1 V=1 /bin/sh -c make} for RUN, with {@code COPY file:<sha256> in
 * /dst}. All become {@code KEYWORD args} with single spaces ({@code RUN make}, {@code ENV A=b}).
 *
 * @param text the normalized instruction, for display and exact matching
 * @param keyword the upper-case instruction keyword ({@code RUN}, {@code COPY}, …)
 * @param key {@link #text} with content hashes masked ({@code COPY file:… in /dst}): the classic
 *     builder puts the copied content's hash into the instruction, which must not make an unchanged
 *     COPY step look edited
 */
public record CreatedBy(String text, String keyword, String key) {
  private static final Set<String> KEYWORDS =
      Set.of(
          "ADD",
          "ARG",
          "CMD",
          "COPY",
          "ENTRYPOINT",
          "ENV",
          "EXPOSE",
          "HEALTHCHECK",
          "LABEL",
          "MAINTAINER",
          "ONBUILD",
          "RUN",
          "SHELL",
          "STOPSIGNAL",
          "USER",
          "VOLUME",
          "WORKDIR");
  private static final Pattern BUILDKIT_SUFFIX = Pattern.compile("\\s*#\\s*buildkit\\s*$");
  private static final Pattern NOP = Pattern.compile("^/bin/sh -c #\\(nop\\)\\s*");
  private static final Pattern SHELL_PREFIX = Pattern.compile("^/bin/(?:ba)?sh -c\\s+");
  private static final Pattern ARG_COUNT = Pattern.compile("^\\|(\\d+)\\s+");
  private static final Pattern CONTENT_HASH =
      Pattern.compile("\\b(file|dir|multi):[0-9a-f]{64}\\b");
  private static final Pattern SPACES = Pattern.compile("\\s+");

  /** Normalizes one {@code created_by} value (see the class comment for the dialects). */
  public static CreatedBy of(String createdBy) {
    String s = SPACES.matcher(createdBy.strip()).replaceAll(" ");
    s = BUILDKIT_SUFFIX.matcher(s).replaceFirst("");
    if (s.isEmpty()) {
      return new CreatedBy("", "", "");
    }
    String keyword = firstWord(s);
    boolean explicitRun = keyword.equals("RUN");
    if (explicitRun) {
      s = s.substring(3).strip();
    }
    s = NOP.matcher(s).replaceFirst("");
    if (!explicitRun && KEYWORDS.contains(firstWord(s))) {
      String text = s.strip();
      return new CreatedBy(text, firstWord(text), CONTENT_HASH.matcher(text).replaceAll("$1:…"));
    }
    // A RUN step: drop the build-arg prefix ("|2 A=1 B=2 ") and the default shell.
    s = dropBuildArgs(s);
    s = SHELL_PREFIX.matcher(s).replaceFirst("");
    String text = s.isEmpty() ? "RUN" : "RUN " + s.strip();
    return new CreatedBy(text, "RUN", text);
  }

  private static String dropBuildArgs(String s) {
    var m = ARG_COUNT.matcher(s);
    if (!m.find()) {
      return s;
    }
    int count = Integer.parseInt(m.group(1));
    String rest = s.substring(m.end());
    for (int i = 0; i < count; i++) {
      int space = rest.indexOf(' ');
      if (space < 0) {
        return "";
      }
      rest = rest.substring(space + 1);
    }
    return rest;
  }

  private static String firstWord(String s) {
    int space = s.indexOf(' ');
    // Engines write keywords upper-case; a lower-case first word is a command, not a keyword.
    return space < 0 ? s : s.substring(0, space);
  }
}
