package dev.sizebot.cli;

import dev.sizebot.analysis.Analysis;
import dev.sizebot.common.SizebotException;
import dev.sizebot.diff.BuildSteps;
import dev.sizebot.diff.ImageDiff;
import dev.sizebot.diff.Side;
import dev.sizebot.docker.BuildKitCli;
import dev.sizebot.docker.Builder;
import dev.sizebot.docker.DockerContainerRunner;
import dev.sizebot.docker.DockerEngine;
import dev.sizebot.docker.EngineImageSource;
import dev.sizebot.docker.RunResources;
import dev.sizebot.dockerfile.Dockerfile;
import dev.sizebot.image.Image;
import dev.sizebot.image.ImageSelector;
import dev.sizebot.image.LayerCache;
import dev.sizebot.image.ReadLimits;
import dev.sizebot.report.BuildFailure;
import dev.sizebot.report.CompareReport;
import dev.sizebot.report.Compared;
import dev.sizebot.report.StartupComparison;
import dev.sizebot.startup.ProbeSpec;
import dev.sizebot.startup.StartupMeasurer;
import dev.sizebot.startup.StartupResult;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/** One {@code compare}: build what must be built, read both images, analyse, diff, probe. */
final class CompareRun {
  private final CompareCommand options;
  private final PrintWriter err;
  private final PhaseTimings timings = new PhaseTimings();
  private LayerCache cache = LayerCache.inMemory();
  // Handed the head image once read, while it is still in memory (sizebot pr lints with it).
  private java.util.function.Consumer<Image> headImage = image -> {};

  CompareRun(CompareCommand options, PrintWriter err) {
    this.options = options;
    this.err = err;
  }

  void onHeadImage(java.util.function.Consumer<Image> hook) {
    this.headImage = hook;
  }

  PhaseTimings timings() {
    return timings;
  }

  /** The layer cache the images were read through (empty until they are read). */
  LayerCache cache() {
    return cache;
  }

  CompareReport compare(SideSpec base, SideSpec head) {
    Optional<ProbeSpec> probe = options.startup.map(ProbeSpec::parse);
    LoadedSide b = given(base, "base");
    LoadedSide h = given(head, "head");
    if (probe.isPresent()
        && (base instanceof SideSpec.Archive || head instanceof SideSpec.Archive)) {
      throw SizebotException.invalidInput(
          "--startup runs images in the engine: compare engine images or builds, or"
              + " 'docker load' the archives first");
    }
    boolean engine = needsEngine(base) || needsEngine(head) || probe.isPresent();
    if (!engine) {
      return finish(b, h, Optional.empty(), Optional.empty());
    }
    long setup = System.nanoTime();
    // Connecting (docker-java's classes and a ping, ~0.6 s) overlaps the git and docker CLI
    // lookups (child processes, ~0.35 s). Their errors are the user's input and still come first.
    CompletableFuture<DockerEngine> connecting =
        CompletableFuture.supplyAsync(DockerEngine::connect, daemon("sizebot-connect"));
    SideBuilds.Commits commits;
    Optional<BuildKitCli> cli;
    try {
      commits = SideBuilds.Commits.resolve(options.context, base, head);
      cli = buildKitCli(base, head);
    } catch (RuntimeException e) {
      connecting.thenAccept(DockerEngine::close);
      throw e;
    }
    try (DockerEngine docker = connected(connecting);
        RunResources run =
            RunResources.start(
                docker,
                "sizebot",
                options.keep,
                notice -> ShutdownGate.passing(() -> err.println("sizebot: " + notice)))) {
      timings.add("setup", System.nanoTime() - setup);
      try {
        LoadedSide[] built = {b, h};
        if (cli.isPresent()) {
          Builder builder = new Builder(cli.get(), run, line -> err.println("  | " + line));
          SideBuilds builds = new SideBuilds(options, builder, run, commits);
          built = timings.time("build", () -> builds.build(base, head, b, h));
        }
        return finish(built[0], built[1], Optional.of(docker), probe.map(p -> new Probe(p, run)));
      } finally {
        timings.run("cleanup", run::close);
        run.problems().forEach(p -> err.println("sizebot: warning: " + p));
        run.kept().forEach(k -> err.println("sizebot: kept " + k));
      }
    }
  }

  private record Probe(ProbeSpec spec, RunResources run) {}

  private static DockerEngine connected(CompletableFuture<DockerEngine> connecting) {
    try {
      return connecting.join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : e;
    }
  }

  /** Runs each task on a new daemon thread of this name: nothing it does may keep sizebot up. */
  private static Executor daemon(String name) {
    return task -> {
      Thread thread = new Thread(task, name);
      thread.setDaemon(true);
      thread.start();
    };
  }

  // Found before connecting: a bad --docker-cli is the user's input, whatever the engine's state.
  private Optional<BuildKitCli> buildKitCli(SideSpec base, SideSpec head) {
    if (!isBuild(base) && !isBuild(head)) {
      return Optional.empty();
    }
    return Optional.of(
        BuildKitCli.detect(options.dockerCli, Objects.toString(System.getenv("PATH"), "")));
  }

  private CompareReport finish(
      LoadedSide b, LoadedSide h, Optional<DockerEngine> docker, Optional<Probe> probe) {
    List<BuildFailure> failures = new ArrayList<>();
    b.failure().ifPresent(failures::add);
    h.failure().ifPresent(failures::add);
    if (!failures.isEmpty()) {
      return new CompareReport(b.compared(), h.compared(), Optional.empty(), failures);
    }
    Optional<DockerContainerRunner> runner =
        probe.map(p -> DockerContainerRunner.on(docker.orElseThrow(), p.run()));
    try {
      // The runs' network namespace (a pause image load and a container start, ~1 s here) gets
      // ready while the images are read, instead of before the first run.
      runner.ifPresent(r -> daemon("sizebot-prepare").execute(r::prepare));
      List<Image> images = timings.time("read", () -> read(List.of(b, h), docker));
      headImage.accept(images.get(1));
      List<Analysis> analyses =
          timings.time("analysis", () -> images.stream().map(i -> Analysis.of(i, 0)).toList());
      ImageDiff diff =
          timings.time(
              "diff",
              () ->
                  ImageDiff.compare(
                      side(images.get(0), b, analyses.get(0)),
                      side(images.get(1), h, analyses.get(1)),
                      options.top));
      Optional<StartupComparison> startup =
          probe.map(
              p ->
                  timings.time(
                      "startup",
                      () -> startup(runner.orElseThrow(), p.spec(), p.run().keep(), b, h)));
      return new CompareReport(b.compared(), h.compared(), Optional.of(diff), List.of(), startup);
    } finally {
      runner.ifPresent(DockerContainerRunner::close);
    }
  }

  private StartupComparison startup(
      DockerContainerRunner runner,
      ProbeSpec probe,
      boolean keepFailed,
      LoadedSide b,
      LoadedSide h) {
    List<StartupResult> results =
        new StartupMeasurer(runner, keepFailed)
            .measureInTurn(
                List.of(engineRef(b), engineRef(h)), probe, options.runs, options.startupTimeout);
    // Times then include the kernel's namespace set-up (0.3 s a run on some hosts): say so.
    runner
        .sharedNamespaceUnavailable()
        .ifPresent(
            why ->
                err.println(
                    "sizebot: note: each startup run got a network namespace of its own ("
                        + why
                        + "), so its time includes setting that up"));
    return new StartupComparison(results.get(0), results.get(1));
  }

  private static String engineRef(LoadedSide side) {
    return ((SideSpec.EngineImage) side.readable().orElseThrow()).ref();
  }

  private static boolean isBuild(SideSpec spec) {
    return spec instanceof SideSpec.GitBuild || spec instanceof SideSpec.DockerfileBuild;
  }

  private static boolean needsEngine(SideSpec spec) {
    return !(spec instanceof SideSpec.Archive);
  }

  private static Side side(Image image, LoadedSide loaded, Analysis analysis) {
    return new Side(image, loaded.build(), Optional.of(analysis.reclaimableBytes()));
  }

  /** A side as the user gave it; build sides are filled in by {@link SideBuilds}. */
  private LoadedSide given(SideSpec spec, String name) {
    Compared compared;
    if (spec instanceof SideSpec.Archive a) {
      compared = new Compared(name, "archive " + a.target(), Optional.empty());
    } else if (spec instanceof SideSpec.EngineImage e) {
      compared = new Compared(name, "engine image " + e.ref(), Optional.empty());
    } else {
      return new LoadedSide(
          new Compared(name, "to build", Optional.empty()),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Duration.ZERO);
    }
    return new LoadedSide(
        compared, Optional.of(spec), dockerfileSteps(), Optional.empty(), Duration.ZERO);
  }

  // For IMAGE sides, --dockerfile names the Dockerfile that built them (both), for the drift split.
  private Optional<BuildSteps> dockerfileSteps() {
    return options.dockerfile.map(
        file ->
            BuildSteps.from(
                Dockerfile.parse(Dockerfile.readText(file), file.toString(), options.buildArgs),
                options.target));
  }

  // Engine images of both sides come from ONE save stream (shared layers read once); archives are
  // read on their own.
  private List<Image> read(List<LoadedSide> sides, Optional<DockerEngine> docker) {
    List<String> refs = new ArrayList<>();
    for (LoadedSide l : sides) {
      if (l.readable().orElseThrow() instanceof SideSpec.EngineImage e) {
        refs.add(e.ref());
      }
    }
    ReadLimits limits = perSource(sides, refs);
    // One cache for the whole run: an archive side and the engine side share it too.
    cache = options.cache.open(err);
    List<Image> fromEngine =
        refs.isEmpty()
            ? List.of()
            : new EngineImageSource(docker.orElseThrow(), limits, cache)
                .read(refs.stream().map(r -> ImageSelector.of(r, options.platform())).toList());
    List<Image> out = new ArrayList<>();
    int next = 0;
    for (LoadedSide l : sides) {
      if (l.readable().orElseThrow() instanceof SideSpec.Archive a) {
        out.add(a.target().read(options.platform(), limits, cache));
      } else {
        out.add(fromEngine.get(next++));
      }
    }
    return out;
  }

  // Both images stay in memory together, and the entry cap is what the heap holds for one read:
  // each separate source (an archive, or the engine's one stream) gets an equal share of it.
  private ReadLimits perSource(List<LoadedSide> sides, List<String> engineRefs) {
    int sources = sides.size() - engineRefs.size() + (engineRefs.isEmpty() ? 0 : 1);
    ReadLimits limits = options.limits();
    return limits.withMaxEntries(Math.max(1, limits.maxEntries() / sources));
  }
}
