package dev.sizebot.diff;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything that differs between a base and a head image: totals, aligned steps, base-image drift,
 * file changes and config changes.
 */
public record ImageDiff(
    ImageSummary base,
    ImageSummary head,
    List<StepChange> steps,
    BaseImageDrift drift,
    FileDiff files,
    List<ConfigChange> config) {
  public ImageDiff {
    Objects.requireNonNull(base, "base");
    Objects.requireNonNull(head, "head");
    steps = List.copyOf(steps);
    Objects.requireNonNull(drift, "drift");
    Objects.requireNonNull(files, "files");
    config = List.copyOf(config);
  }

  /** Compares two sides; {@code top} bounds the largest-file and directory lists. */
  public static ImageDiff compare(Side base, Side head, int top) {
    List<Step> baseSteps = Steps.of(base.image(), base.build());
    List<Step> headSteps = Steps.of(head.image(), head.build());
    List<StepChange> steps = StepAlignment.align(baseSteps, headSteps);
    Map<Integer, Integer> aligned = new HashMap<>();
    for (StepChange c : steps) {
      if (c.base().isPresent() && c.head().isPresent()) {
        aligned.put(c.base().get().index(), c.head().get().index());
      }
    }
    FinalFiles baseFiles = FinalFiles.of(baseSteps);
    FinalFiles headFiles = FinalFiles.of(headSteps);
    boolean split = base.build().isPresent() && head.build().isPresent();
    return new ImageDiff(
        ImageSummary.of(base.image(), baseSteps.size(), baseFiles.count(), base.wastedBytes()),
        ImageSummary.of(head.image(), headSteps.size(), headFiles.count(), head.wastedBytes()),
        steps,
        BaseImageDrift.of(baseSteps, headSteps, split),
        FileDiff.between(baseFiles, headFiles, aligned, top),
        ConfigDiff.between(base.image().config(), head.image().config()));
  }

  public long delta() {
    return head.size() - base.size();
  }

  public long compressedDelta() {
    return head.compressedSize() - base.compressedSize();
  }

  public Optional<Double> percent() {
    return Percent.of(base.size(), head.size());
  }

  /** Δ from the build's own steps: the total minus base-image drift (all of it when unknown). */
  public long buildDelta() {
    return delta() - drift.delta();
  }

  /** Reclaimable waste Δ, when both sides were analysed. */
  public Optional<Long> wasteDelta() {
    return base.wastedBytes().flatMap(b -> head.wastedBytes().map(h -> h - b));
  }
}
