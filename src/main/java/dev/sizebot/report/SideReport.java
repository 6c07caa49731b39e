package dev.sizebot.report;

import java.util.Objects;
import java.util.Optional;

/**
 * One side of a comparison as reported: what it was and, when it was built, its figures.
 *
 * @param label {@code base}/{@code head} or the git ref (untrusted)
 * @param source where it came from, e.g. {@code built from Dockerfile at main@1a2b3c4}
 * @param commit the commit it was built from, when built from git
 * @param image the totals; absent when this side failed to build
 * @param startup startup figures, when a probe ran
 */
public record SideReport(
    String label,
    String source,
    Optional<String> commit,
    Optional<ImageTotals> image,
    Optional<SideStartup> startup) {
  public SideReport {
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(commit, "commit");
    Objects.requireNonNull(image, "image");
    Objects.requireNonNull(startup, "startup");
  }
}
