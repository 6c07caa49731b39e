package dev.sizebot.report;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A side that could not be built. The log lines are the builder's (untrusted: renderers escape
 * them).
 *
 * @param side {@code base} or {@code head}
 * @param line the failing Dockerfile line, when the build log names it
 * @param step the failing instruction as the builder names it (e.g. {@code RUN make})
 * @param exitCode how the build command (the docker CLI) exited
 * @param stepExitCode how the failing step's own process exited, when the log tells: what the
 *     user's command returned, where the docker CLI just says 1
 */
public record BuildFailure(
    String side,
    Optional<Integer> line,
    Optional<String> step,
    int exitCode,
    Optional<Integer> stepExitCode,
    List<String> lastLines) {
  public BuildFailure {
    Objects.requireNonNull(side, "side");
    Objects.requireNonNull(line, "line");
    Objects.requireNonNull(step, "step");
    Objects.requireNonNull(stepExitCode, "stepExitCode");
    lastLines = List.copyOf(lastLines);
  }

  /**
   * {@code head build failed at line 7 (RUN make): the step exited with 2}, or {@code …, docker
   * build exited with 1} when the log does not tell the step's own exit code.
   */
  public String summary() {
    StringBuilder s = new StringBuilder(side).append(" build failed");
    line.ifPresent(l -> s.append(" at line ").append(l));
    step.ifPresent(st -> s.append(" (").append(st).append(')'));
    return s.append(exitPhrase()).toString();
  }

  /** {@code : the step exited with 2}, or {@code , docker build exited with 1}. */
  public String exitPhrase() {
    return stepExitCode
        .map(code -> ": the step exited with " + code)
        .orElse(", docker build exited with " + exitCode);
  }
}
