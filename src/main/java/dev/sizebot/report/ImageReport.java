package dev.sizebot.report;

import dev.sizebot.diff.BaseImageDrift;
import dev.sizebot.diff.ConfigChange;
import dev.sizebot.diff.ImageDiff;
import dev.sizebot.rules.Finding;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything reported about one image on one platform: both sides, the aligned steps, file and
 * config changes, findings, the budget and its verdict. Plain values only, so the JSON report reads
 * back into exactly this and {@code publish}/{@code merge} render from a saved file.
 *
 * @param name the image's name in the configuration (e.g. {@code api})
 * @param platform e.g. {@code linux/amd64}
 * @param drift base-image drift; absent when there is no diff (a side failed to build)
 * @param failures the sides that failed to build (any fails the verdict)
 */
public record ImageReport(
    String name,
    String platform,
    SideReport base,
    SideReport head,
    List<StepRow> steps,
    Optional<BaseImageDrift> drift,
    FileChanges files,
    List<ConfigChange> config,
    List<FindingRow> findings,
    List<BuildFailure> failures,
    Budget budget,
    Verdict verdict) {
  public ImageReport {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(platform, "platform");
    Objects.requireNonNull(base, "base");
    Objects.requireNonNull(head, "head");
    steps = List.copyOf(steps);
    Objects.requireNonNull(drift, "drift");
    Objects.requireNonNull(files, "files");
    config = List.copyOf(config);
    findings = List.copyOf(findings);
    failures = List.copyOf(failures);
    Objects.requireNonNull(budget, "budget");
    Objects.requireNonNull(verdict, "verdict");
    if (name.isBlank()) {
      throw new IllegalArgumentException("an image report needs a name");
    }
  }

  /**
   * The report of one image from what {@code compare} found, the rule findings (with savings when
   * the image proved them) and its budget, which decides the verdict. {@code dockerfile} is the
   * head Dockerfile's text, when known, so fixes show as diffs.
   */
  public static ImageReport of(
      String name,
      String platform,
      CompareReport compare,
      List<Finding> findings,
      Optional<String> dockerfile,
      Budget budget) {
    Optional<ImageDiff> diff = compare.diff();
    Optional<SizeChange> change = diff.map(d -> new SizeChange(d.base().size(), d.head().size()));
    return new ImageReport(
        name,
        platform,
        side(compare.base(), diff.map(d -> ImageTotals.of(d.base())), compare, true),
        side(compare.head(), diff.map(d -> ImageTotals.of(d.head())), compare, false),
        diff.map(d -> d.steps().stream().map(StepRow::of).toList()).orElse(List.of()),
        diff.map(ImageDiff::drift),
        diff.map(d -> FileChanges.of(d.files())).orElse(FileChanges.NONE),
        diff.map(ImageDiff::config).orElse(List.of()),
        findings.stream().sorted().map(f -> FindingRow.of(f, dockerfile)).toList(),
        compare.failures(),
        budget,
        Verdict.judge(budget, change, compare.failures()));
  }

  private static SideReport side(
      Compared c, Optional<ImageTotals> totals, CompareReport compare, boolean base) {
    return new SideReport(
        c.label(),
        c.source(),
        c.commit(),
        totals,
        compare.startup().map(s -> SideStartup.of(base ? s.base() : s.head())));
  }

  /** The size change, when both sides were built. */
  public Optional<SizeChange> change() {
    return base.image().flatMap(b -> head.image().map(h -> new SizeChange(b.size(), h.size())));
  }

  /** Bytes the findings' fixes would save, summed over those the image proved. */
  public long savings() {
    return findings.stream().mapToLong(f -> f.savingsBytes().orElse(0L)).sum();
  }
}
