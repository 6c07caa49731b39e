package dev.sizebot.diff;

import dev.sizebot.common.UnixPath;
import java.util.Objects;
import java.util.Optional;

/**
 * One path that differs between the final filesystems.
 *
 * @param baseStep the step that wrote the base version (absent for {@link Kind#ADDED})
 * @param headStep the step that wrote the head version (absent for {@link Kind#REMOVED})
 */
public record FileChange(
    UnixPath path,
    Kind kind,
    long baseSize,
    long headSize,
    Optional<StepRef> baseStep,
    Optional<StepRef> headStep) {
  /** What happened to the path. */
  public enum Kind {
    ADDED,
    REMOVED,
    GROWN,
    SHRUNK,
    /** Same size, other content (or another entry type). */
    MODIFIED,
    /** Same content, now written by a different step (e.g. a COPY moved to another stage step). */
    MOVED
  }

  public FileChange {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(baseStep, "baseStep");
    Objects.requireNonNull(headStep, "headStep");
  }

  public long delta() {
    return headSize - baseSize;
  }
}
