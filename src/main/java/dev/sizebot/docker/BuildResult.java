package dev.sizebot.docker;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** How one build ended. A failed build is a value the report shows, not an exception. */
public sealed interface BuildResult {
  Duration duration();

  /** The last lines of the build log (at most {@link BuildLog#TAIL_LINES}). */
  List<String> lastLines();

  /** The image exists in the engine as {@code tag} with ID {@code imageId} ({@code sha256:…}). */
  record Built(String imageId, String tag, Duration duration, List<String> lastLines)
      implements BuildResult {
    public Built {
      if (imageId == null || imageId.isBlank() || tag == null || duration == null) {
        throw new IllegalArgumentException("imageId, tag and duration are required");
      }
      lastLines = List.copyOf(lastLines);
    }
  }

  /**
   * The build exited with {@code exitCode}. {@code dockerfileLine} (1-based), {@code failingStep}
   * (BuildKit's name for it, e.g. {@code RUN make}) and {@code stepExitCode} (how that step's
   * process exited) are present when the log tells.
   */
  record Failed(
      int exitCode,
      List<String> lastLines,
      OptionalInt dockerfileLine,
      Optional<String> failingStep,
      OptionalInt stepExitCode,
      Duration duration)
      implements BuildResult {
    public Failed {
      if (dockerfileLine == null
          || failingStep == null
          || stepExitCode == null
          || duration == null) {
        throw new IllegalArgumentException(
            "dockerfileLine, failingStep, stepExitCode and duration are required");
      }
      lastLines = List.copyOf(lastLines);
    }
  }
}
