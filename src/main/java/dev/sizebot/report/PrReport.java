package dev.sizebot.report;

import dev.sizebot.report.Verdict.Outcome;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The versioned report of a pull request (or of a local run): one {@link ImageReport} per image and
 * platform, and the PR it was made for. One value feeds every publisher (comment, check, job
 * summary, JSON artifact), so they cannot disagree. Documented in {@code docs/report-schema.md}.
 *
 * @param pullMbitPerSecond the bandwidth the pull-time estimate assumes
 * @param pr the pull request; absent for a run outside one (e.g. {@code compare}, {@code audit})
 */
public record PrReport(
    int schemaVersion, int pullMbitPerSecond, Optional<PrContext> pr, List<ImageReport> images) {
  public static final int SCHEMA_VERSION = 1;

  /** 100 Mbit/s: a typical CI runner or cluster node pulling from a registry. */
  public static final int DEFAULT_PULL_MBIT = 100;

  public PrReport {
    if (schemaVersion != SCHEMA_VERSION) {
      throw new IllegalArgumentException(
          "schemaVersion " + schemaVersion + " is not " + SCHEMA_VERSION);
    }
    if (pullMbitPerSecond < 1) {
      throw new IllegalArgumentException("pull bandwidth must be positive: " + pullMbitPerSecond);
    }
    Objects.requireNonNull(pr, "pr");
    images = List.copyOf(images);
    Set<String> seen = new HashSet<>();
    for (ImageReport i : images) {
      if (!seen.add(i.name() + " " + i.platform())) {
        throw new IllegalArgumentException(
            "image " + i.name() + " on " + i.platform() + " is reported twice");
      }
    }
  }

  /** A report at the default pull bandwidth. */
  public static PrReport of(Optional<PrContext> pr, List<ImageReport> images) {
    return new PrReport(SCHEMA_VERSION, DEFAULT_PULL_MBIT, pr, images);
  }

  /** The worst verdict over all images; pass when there are none. */
  public Outcome worst() {
    return images.stream()
        .map(i -> i.verdict().outcome())
        .max(Enum::compareTo)
        .orElse(Outcome.PASS);
  }

  /** This report with {@code more} images added (for {@code merge}); PR blocks must agree. */
  public PrReport plus(PrReport more) {
    if (pr.isPresent() && more.pr.isPresent() && !pr.equals(more.pr)) {
      throw new IllegalArgumentException("reports of different pull requests cannot be merged");
    }
    List<ImageReport> all = new java.util.ArrayList<>(images);
    all.addAll(more.images);
    return new PrReport(schemaVersion, pullMbitPerSecond, pr.or(() -> more.pr), all);
  }
}
