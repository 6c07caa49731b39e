package dev.sizebot.startup;

import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;

/**
 * A run that never became ready. The log lines come from the image and are untrusted: renderers
 * escape them.
 *
 * @param run 1-based run number
 * @param reason why it failed
 * @param after time from the start request until sizebot gave up or saw the failure
 * @param exitCode the process's exit code when it exited
 * @param lastLogLines the container's last output lines, oldest first
 * @param message one line for humans, e.g. "exited with code 3 after 0.2 s"
 */
public record StartupFailure(
    int run,
    Reason reason,
    Duration after,
    OptionalInt exitCode,
    List<String> lastLogLines,
    String message)
    implements RunOutcome {
  public StartupFailure {
    lastLogLines = List.copyOf(lastLogLines);
    if (run < 1 || reason == null || message == null || message.isBlank()) {
      throw new IllegalArgumentException("bad startup failure for run " + run);
    }
  }

  public enum Reason {
    /** The probe did not succeed within the timeout. */
    TIMEOUT,
    /** The process exited before it was ready (or, for the exit probe, with a non-zero code). */
    EXITED,
    /** The image's HEALTHCHECK reported unhealthy. */
    UNHEALTHY,
    /** The healthcheck probe was asked for but the image declares no HEALTHCHECK. */
    NO_HEALTHCHECK
  }
}
