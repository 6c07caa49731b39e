package dev.sizebot.docker;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a BuildKit {@code --progress=plain} log as it streams: forwards every line, keeps the last
 * {@link #TAIL_LINES}, and remembers which Dockerfile step failed and any line number BuildKit
 * printed, so a failure can point at its line without keeping the whole log.
 */
final class BuildLog implements Consumer<String> {
  static final int TAIL_LINES = 50;

  // "#6 [stage-0 3/3] RUN make" — the vertex header. Output lines carry a timestamp after "#6 ".
  private static final Pattern HEADER = Pattern.compile("^#(\\d+) \\[([^\\]]+)\\] (.+)$");
  private static final Pattern ERROR = Pattern.compile("^#(\\d+) ERROR:");
  // The error summary BuildKit prints after the log: " > [stage-0 3/3] RUN make:".
  private static final Pattern SUMMARY = Pattern.compile("^ > \\[([^\\]]+)\\] (.+):$");
  // "stage-0 3/3", "builder 2/5", or (newer BuildKit, one stage) "3/3".
  private static final Pattern POSITION = Pattern.compile("^(?:(\\S+) )?(\\d+)/(\\d+)$");
  private static final Pattern PARSE_ERROR =
      Pattern.compile("dockerfile parse error (?:on )?line (\\d+)");
  // How the step's own process ended, in every BuildKit version's error line: "executor failed
  // running [...]: exit code: 3", "process ... did not complete successfully: exit code: 3".
  private static final Pattern STEP_EXIT = Pattern.compile("exit code: (\\d+)");
  // "#4 sha256:dc67…": docker 20.10's BuildKit names every vertex's digest on a line of its own.
  // Forwarded, but kept out of the tail the report shows: they crowd out the lines that explain.
  private static final Pattern DIGEST_LINE = Pattern.compile("^#\\d+ sha256:[0-9a-f]{64}$");

  /** A Dockerfile step as BuildKit names it: stage label, 1-based index, count, instruction. */
  record Step(Optional<String> stage, int index, int count, String instruction) {}

  private final Consumer<String> forward;
  private final Pattern fileLine;
  private final Deque<String> tail = new ArrayDeque<>();
  private final Map<String, Step> steps = new HashMap<>();
  private Optional<Step> failingStep = Optional.empty();
  private OptionalInt reportedLine = OptionalInt.empty();
  private OptionalInt stepExitCode = OptionalInt.empty();

  /** {@code dockerfileName} is the file's base name, which newer BuildKit prints as "name:12". */
  BuildLog(String dockerfileName, Consumer<String> forward) {
    this.forward = forward;
    this.fileLine = Pattern.compile("^" + Pattern.quote(dockerfileName) + ":(\\d+)$");
  }

  @Override
  public synchronized void accept(String line) {
    forward.accept(line);
    if (!DIGEST_LINE.matcher(line).matches()) {
      tail.addLast(line);
      if (tail.size() > TAIL_LINES) {
        tail.removeFirst();
      }
    }
    observe(line);
  }

  synchronized List<String> tail() {
    return List.copyOf(tail);
  }

  /** The first step that reported an error, when it was a Dockerfile step. */
  synchronized Optional<Step> failingStep() {
    return failingStep;
  }

  /**
   * The exit code of the failing step's process, e.g. 3 for {@code RUN exit 3}; the docker CLI
   * itself then exits with 1, which tells the user nothing.
   */
  synchronized OptionalInt stepExitCode() {
    return stepExitCode;
  }

  /** A line number BuildKit printed itself (newer versions, or a parse error). */
  synchronized OptionalInt reportedLine() {
    return reportedLine;
  }

  private void observe(String line) {
    Matcher header = HEADER.matcher(line);
    if (header.matches()) {
      String vertex = header.group(1);
      step(header.group(2), header.group(3)).ifPresent(s -> steps.putIfAbsent(vertex, s));
      return;
    }
    Matcher error = ERROR.matcher(line);
    if (error.find()) {
      if (failingStep.isEmpty()) {
        failingStep = Optional.ofNullable(steps.get(error.group(1)));
      }
      Matcher exit = STEP_EXIT.matcher(line);
      if (stepExitCode.isEmpty() && exit.find()) {
        stepExitCode = OptionalInt.of(Integer.parseInt(exit.group(1)));
      }
    }
    Matcher summary = SUMMARY.matcher(line);
    if (summary.matches() && failingStep.isEmpty()) {
      failingStep = step(summary.group(1), summary.group(2));
    }
    if (reportedLine.isEmpty()) {
      Matcher printed = fileLine.matcher(line.strip());
      Matcher parse = PARSE_ERROR.matcher(line);
      if (printed.matches()) {
        reportedLine = OptionalInt.of(Integer.parseInt(printed.group(1)));
      } else if (parse.find()) {
        reportedLine = OptionalInt.of(Integer.parseInt(parse.group(1)));
      }
    }
  }

  private static Optional<Step> step(String position, String instruction) {
    Matcher m = POSITION.matcher(position);
    if (!m.matches()) {
      return Optional.empty(); // [internal], [auth], …: not a Dockerfile step
    }
    return Optional.of(
        new Step(
            Optional.ofNullable(m.group(1)),
            Integer.parseInt(m.group(2)),
            Integer.parseInt(m.group(3)),
            instruction));
  }
}
