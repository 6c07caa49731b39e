package dev.sizebot.report;

import dev.sizebot.diff.ImageDiff;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The result of {@code sizebot compare}: what was compared and either the diff or why there is none
 * (a side failed to build). JSON form: {@code schemaVersion} {@value #SCHEMA_VERSION}.
 */
public record CompareReport(
    Compared base,
    Compared head,
    Optional<ImageDiff> diff,
    List<BuildFailure> failures,
    Optional<StartupComparison> startup) {
  public static final int SCHEMA_VERSION = 1;

  /** A report without startup figures. */
  public CompareReport(
      Compared base, Compared head, Optional<ImageDiff> diff, List<BuildFailure> failures) {
    this(base, head, diff, failures, Optional.empty());
  }

  public CompareReport {
    Objects.requireNonNull(base, "base");
    Objects.requireNonNull(head, "head");
    Objects.requireNonNull(diff, "diff");
    failures = List.copyOf(failures);
    Objects.requireNonNull(startup, "startup");
    if (diff.isEmpty() && failures.isEmpty()) {
      throw new IllegalArgumentException("a compare report needs a diff or a build failure");
    }
  }
}
