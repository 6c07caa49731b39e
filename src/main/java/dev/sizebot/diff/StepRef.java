package dev.sizebot.diff;

import java.util.Objects;
import java.util.Optional;

/** A pointer to a step for reports: history index, normalized instruction, Dockerfile line. */
public record StepRef(int index, String instruction, Optional<Integer> line) {
  public StepRef {
    Objects.requireNonNull(instruction, "instruction");
    Objects.requireNonNull(line, "line");
  }

  public static StepRef of(Step step) {
    return new StepRef(step.index(), step.instruction().text(), step.line());
  }
}
