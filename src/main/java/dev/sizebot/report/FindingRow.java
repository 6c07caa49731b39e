package dev.sizebot.report;

import dev.sizebot.common.ByteSize;
import dev.sizebot.rules.Finding;
import dev.sizebot.rules.Fix;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A rule finding as reported, with its fix as a patch the comment can show.
 *
 * @param startLine first Dockerfile line of the finding (1-based)
 * @param endLine last line, inclusive
 * @param savingsBytes what the fix would save, only when the built image proves it
 */
public record FindingRow(
    String ruleId,
    String severity,
    String title,
    String message,
    String why,
    int startLine,
    int endLine,
    Optional<Long> savingsBytes,
    Optional<String> evidence,
    Optional<Patch> fix,
    List<String> seeAlso) {
  /**
   * A fix. For {@code kind = replacement}, lines {@code startLine..endLine} of the Dockerfile
   * become {@code text}; {@code original} holds those lines when the Dockerfile text was known (the
   * comment then shows a {@code diff}). For {@code kind = snippet}, {@code file} ({@code
   * Dockerfile} or {@code .dockerignore}) is proposed whole.
   */
  public record Patch(
      String kind,
      String description,
      String file,
      Optional<Integer> startLine,
      Optional<Integer> endLine,
      Optional<String> original,
      String text) {
    public Patch {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(description, "description");
      Objects.requireNonNull(file, "file");
      Objects.requireNonNull(startLine, "startLine");
      Objects.requireNonNull(endLine, "endLine");
      Objects.requireNonNull(original, "original");
      Objects.requireNonNull(text, "text");
      if (!kind.equals("replacement") && !kind.equals("snippet")) {
        throw new IllegalArgumentException("a fix is a replacement or a snippet, not " + kind);
      }
    }
  }

  public FindingRow {
    Objects.requireNonNull(ruleId, "ruleId");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(why, "why");
    Objects.requireNonNull(savingsBytes, "savingsBytes");
    Objects.requireNonNull(evidence, "evidence");
    Objects.requireNonNull(fix, "fix");
    seeAlso = List.copyOf(seeAlso);
    if (startLine < 1 || endLine < startLine) {
      throw new IllegalArgumentException("bad line range " + startLine + "-" + endLine);
    }
  }

  /** The finding; {@code dockerfile} (its text, when known) lets a replacement show its diff. */
  static FindingRow of(Finding f, Optional<String> dockerfile) {
    return new FindingRow(
        f.ruleId(),
        f.severity().label(),
        f.title(),
        f.message(),
        f.why(),
        f.location().start(),
        f.location().end(),
        f.savings().map(ByteSize::bytes),
        f.evidence(),
        f.fix().map(fix -> patch(fix, dockerfile)),
        f.seeAlso());
  }

  private static Patch patch(Fix fix, Optional<String> dockerfile) {
    if (fix instanceof Fix.Replacement r) {
      int start = r.lines().start();
      int end = r.lines().end();
      Optional<String> original =
          dockerfile
              .map(text -> text.split("\r?\n", -1))
              .filter(lines -> end <= lines.length)
              .map(lines -> String.join("\n", Arrays.copyOfRange(lines, start - 1, end)));
      return new Patch(
          "replacement",
          r.description(),
          "Dockerfile",
          Optional.of(start),
          Optional.of(end),
          original,
          r.text());
    }
    Fix.Snippet s = (Fix.Snippet) fix;
    return new Patch(
        "snippet",
        s.description(),
        s.file(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        s.text());
  }
}
