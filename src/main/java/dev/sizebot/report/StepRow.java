package dev.sizebot.report;

import dev.sizebot.diff.Percent;
import dev.sizebot.diff.StepChange;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One aligned build step, unchanged ones included (the comment collapses those).
 *
 * @param match {@code unchanged}, {@code changed}, {@code added} or {@code removed}
 * @param baseIndex the step's position in the base history, absent for an added step
 * @param headIndex the step's position in the head history, absent for a removed step
 * @param instruction the normalized instruction (head's, else base's; untrusted)
 * @param line its Dockerfile line, when the Dockerfile is known
 * @param emptyLayer true for a step that made no layer (ENV, LABEL, …)
 */
public record StepRow(
    String match,
    Optional<Integer> baseIndex,
    Optional<Integer> headIndex,
    String instruction,
    Optional<Integer> line,
    boolean fromBaseImage,
    boolean emptyLayer,
    long baseSize,
    long headSize,
    long baseCompressed,
    long headCompressed) {
  public StepRow {
    Objects.requireNonNull(match, "match");
    Objects.requireNonNull(baseIndex, "baseIndex");
    Objects.requireNonNull(headIndex, "headIndex");
    Objects.requireNonNull(instruction, "instruction");
    Objects.requireNonNull(line, "line");
    if (baseIndex.isEmpty() && headIndex.isEmpty()) {
      throw new IllegalArgumentException("a step row needs a base or a head index");
    }
  }

  static StepRow of(StepChange c) {
    return new StepRow(
        c.match().name().toLowerCase(Locale.ROOT),
        c.base().map(s -> s.index()),
        c.head().map(s -> s.index()),
        c.shown().instruction().text(),
        c.shown().line(),
        c.fromBaseImage(),
        c.shown().layer().isEmpty(),
        c.baseSize(),
        c.headSize(),
        c.baseCompressed(),
        c.headCompressed());
  }

  long delta() {
    return headSize - baseSize;
  }

  Optional<Double> percent() {
    return Percent.of(baseSize, headSize);
  }

  /** Listed in the comment: not unchanged, and not a same-size rebuild (noise for a reviewer). */
  boolean shown() {
    return !"unchanged".equals(match) && !("changed".equals(match) && delta() == 0);
  }

  /** {@code 3}, {@code 3 → 4}, {@code 4 (new)}, {@code 3 (removed)}, as StepsSection numbers. */
  String index() {
    if (baseIndex.isEmpty()) {
      return headIndex.orElseThrow() + " (new)";
    }
    if (headIndex.isEmpty()) {
      return baseIndex.get() + " (removed)";
    }
    return baseIndex.get().equals(headIndex.get())
        ? baseIndex.get().toString()
        : baseIndex.get() + " → " + headIndex.get();
  }
}
