package dev.sizebot.cli;

import dev.sizebot.analysis.Analysis;
import dev.sizebot.common.SizebotException;
import dev.sizebot.diff.BuildSteps;
import dev.sizebot.diff.ImageDiff;
import dev.sizebot.diff.Side;
import dev.sizebot.docker.DockerEngine;
import dev.sizebot.dockerfile.Dockerfile;
import dev.sizebot.image.Image;
import dev.sizebot.image.ImageSelector;
import dev.sizebot.image.ImageSource;
import dev.sizebot.image.ReadLimits;
import dev.sizebot.report.BuildFailure;
import dev.sizebot.report.CompareReport;
import dev.sizebot.report.Compared;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** One {@code compare}: get both images, analyse, diff, report. */
final class CompareRun {
  private final CompareCommand options;
  private final PrintWriter err;
  private final Map<String, Long> timings = new LinkedHashMap<>();

  CompareRun(CompareCommand options, PrintWriter err) {
    this.options = options;
    this.err = err;
  }

  /** Phase → milliseconds, in the order the phases ran. */
  Map<String, Long> timings() {
    return timings;
  }

  CompareReport compare(SideSpec base, SideSpec head) {
    Loaded b = describe(base, "base");
    Loaded h = describe(head, "head");
    List<BuildFailure> failures = new ArrayList<>();
    b.failure.ifPresent(failures::add);
    h.failure.ifPresent(failures::add);
    if (!failures.isEmpty()) {
      return new CompareReport(b.compared, h.compared, Optional.empty(), failures);
    }
    List<Image> images = timed("read", () -> read(List.of(b, h)));
    List<Analysis> analyses =
        timed("analysis", () -> images.stream().map(i -> Analysis.of(i, 0)).toList());
    ImageDiff diff =
        timed(
            "diff",
            () ->
                ImageDiff.compare(
                    side(images.get(0), b, analyses.get(0)),
                    side(images.get(1), h, analyses.get(1)),
                    options.top));
    return new CompareReport(b.compared, h.compared, Optional.of(diff), List.of());
  }

  private static Side side(Image image, Loaded loaded, Analysis analysis) {
    return new Side(image, loaded.build, Optional.of(analysis.reclaimableBytes()));
  }

  /** A side, made ready to read: where its image is and what its Dockerfile says. */
  private static final class Loaded {
    Compared compared;
    Optional<SideSpec> readable = Optional.empty();
    Optional<BuildSteps> build = Optional.empty();
    Optional<BuildFailure> failure = Optional.empty();
  }

  private Loaded describe(SideSpec spec, String name) {
    Loaded l = new Loaded();
    if (spec instanceof SideSpec.Archive a) {
      l.compared = new Compared(name, "archive " + a.path(), Optional.empty());
      l.readable = Optional.of(a);
    } else if (spec instanceof SideSpec.EngineImage e) {
      l.compared = new Compared(name, "engine image " + e.ref(), Optional.empty());
      l.readable = Optional.of(e);
    } else {
      throw SizebotException.invalidInput(
          "building sides (--base-ref/--head-ref, --base-dockerfile/--head-dockerfile) is"
              + " not available in this build yet: build the images and pass them as IMAGEs");
    }
    options.dockerfile.ifPresent(
        file ->
            l.build =
                Optional.of(
                    BuildSteps.from(
                        Dockerfile.parse(
                            Dockerfile.readText(file), file.toString(), options.buildArgs),
                        options.target)));
    return l;
  }

  // Engine images of both sides come from one save stream; archives are read on their own.
  private List<Image> read(List<Loaded> sides) {
    List<String> refs = new ArrayList<>();
    for (Loaded l : sides) {
      if (l.readable.orElseThrow() instanceof SideSpec.EngineImage e) {
        refs.add(e.ref());
      }
    }
    List<Image> fromEngine = refs.isEmpty() ? List.of() : readEngine(refs);
    List<Image> out = new ArrayList<>();
    int next = 0;
    for (Loaded l : sides) {
      if (l.readable.orElseThrow() instanceof SideSpec.Archive a) {
        out.add(
            ImageSource.open(a.path(), ReadLimits.DEFAULT)
                .read(ImageSelector.only(options.platform())));
      } else {
        out.add(fromEngine.get(next++));
      }
    }
    return out;
  }

  private List<Image> readEngine(List<String> refs) {
    try (DockerEngine engine = DockerEngine.connect()) {
      return EngineSave.read(engine, refs, options.platform());
    }
  }

  private <T> T timed(String phase, Supplier<T> work) {
    long start = System.nanoTime();
    try {
      return work.get();
    } finally {
      timings.merge(phase, (System.nanoTime() - start) / 1_000_000, Long::sum);
    }
  }
}
