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
 */
public record BuildFailure(
    String side,
    Optional<Integer> line,
    Optional<String> step,
    int exitCode,
    List<String> lastLines) {
  public BuildFailure {
    Objects.requireNonNull(side, "side");
    Objects.requireNonNull(line, "line");
    Objects.requireNonNull(step, "step");
    lastLines = List.copyOf(lastLines);
  }

  /** {@code head build failed at line 7 (RUN make), exit 1}. */
  public String summary() {
    StringBuilder s = new StringBuilder(side).append(" build failed");
    line.ifPresent(l -> s.append(" at line ").append(l));
    step.ifPresent(st -> s.append(" (").append(st).append(')'));
    return s.append(", exit ").append(exitCode).toString();
  }
}
