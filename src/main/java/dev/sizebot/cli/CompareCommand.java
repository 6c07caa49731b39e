package dev.sizebot.cli;

import dev.sizebot.common.ExitCode;
import dev.sizebot.common.SizebotException;
import dev.sizebot.image.ReadLimits;
import dev.sizebot.report.CompareJson;
import dev.sizebot.report.CompareMarkdown;
import dev.sizebot.report.CompareReport;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code sizebot compare BASE HEAD}: what head does to the image, step by step. */
@Command(
    name = "compare",
    mixinStandardHelpOptions = true,
    description = {
      "Compare two images and report what changed: size, steps, files, config, startup.",
      "Each side is an image archive or OCI layout, an engine image, or something to build"
          + " (--base-ref/--head-ref, --base-dockerfile/--head-dockerfile).",
      "Exit 0 when compared; 2 when a side failed to build (the report says where)."
    })
final class CompareCommand implements Callable<Integer> {
  @Parameters(
      arity = "0..2",
      paramLabel = "IMAGE",
      description =
          "BASE and HEAD: archive, OCI layout directory, or engine image ref/ID. ARCHIVE#REF"
              + " picks one image of an archive that holds several (e.g. images.tar#app:1).")
  List<String> images = new ArrayList<>();

  @Option(names = "--base-ref", paramLabel = "GIT_REF", description = "Build base at this ref.")
  Optional<String> baseRef = Optional.empty();

  @Option(names = "--head-ref", paramLabel = "GIT_REF", description = "Build head at this ref.")
  Optional<String> headRef = Optional.empty();

  @Option(
      names = "--base-dockerfile",
      paramLabel = "FILE",
      description = "Build base from this Dockerfile (working tree).")
  Optional<Path> baseDockerfile = Optional.empty();

  @Option(
      names = "--head-dockerfile",
      paramLabel = "FILE",
      description = "Build head from this Dockerfile (working tree).")
  Optional<Path> headDockerfile = Optional.empty();

  @Option(
      names = "--dockerfile",
      paramLabel = "FILE",
      description =
          "Dockerfile for --base-ref/--head-ref builds (default: Dockerfile in the context)."
              + " With IMAGE sides: the Dockerfile that built both, to tell base-image drift apart.")
  Optional<Path> dockerfile = Optional.empty();

  @Option(names = "--context", paramLabel = "DIR", description = "Build context (default: .).")
  Path context = Path.of(".");

  @Option(names = "--target", paramLabel = "STAGE", description = "Build target stage.")
  Optional<String> target = Optional.empty();

  @Option(
      names = "--build-arg",
      paramLabel = "NAME=VALUE",
      description = "A build argument (repeatable).")
  List<String> buildArgTexts = new ArrayList<>();

  /** The --build-arg options by name, filled in by {@link #call()}. */
  Map<String, String> buildArgs = new LinkedHashMap<>();

  @Option(
      names = "--platform",
      paramLabel = "OS/ARCH",
      description = "Platform to build and read (default: the host's).")
  Optional<String> platform = Optional.empty();

  @Option(
      names = "--docker-cli",
      paramLabel = "CLI",
      description =
          "Docker CLI to build with: a path, or a name on PATH (default: the first docker on PATH"
              + " with buildx, else one with built-in BuildKit).")
  Optional<String> dockerCli = Optional.empty();

  @Option(
      names = "--startup",
      paramLabel = "PROBE",
      description =
          "Measure startup: healthcheck, http://:PORT/PATH, tcp://:PORT, log:REGEX, exit.")
  Optional<String> startup = Optional.empty();

  // Each run may wait a full probe timeout; past 100 a typo is likelier than a wish.
  static final int MAX_RUNS = 100;

  @Option(
      names = "--runs",
      paramLabel = "N",
      description = "Startup runs per image, 1 to " + MAX_RUNS + " (default 5).")
  int runs = 5;

  /** How long each startup run may take to get ready; the config's {@code startup.timeout}. */
  java.time.Duration startupTimeout = dev.sizebot.startup.StartupMeasurer.DEFAULT_TIMEOUT;

  @Option(names = "--format", paramLabel = "FORMAT", description = "markdown (default) or json.")
  Format format = Format.markdown;

  @Option(names = "--top", paramLabel = "N", description = "Largest file changes shown (20).")
  int top = 20;

  @Option(
      names = "--keep",
      description =
          "Keep built images, git worktrees and the container of a failed startup run (to debug"
              + " it with docker logs); containers of runs that got ready are removed anyway.")
  boolean keep;

  @Mixin CacheOptions cache = new CacheOptions();

  @Option(names = "--timings", hidden = true, description = "Print phase timings to stderr.")
  boolean timings;

  @Spec CommandSpec spec;

  @ParentCommand Main main;

  enum Format {
    markdown,
    json
  }

  @Override
  public Integer call() {
    if (runs < 1 || runs > MAX_RUNS) {
      throw SizebotException.invalidInput(
          "--runs " + runs + " is out of range: give 1 to " + MAX_RUNS + " startup runs per image");
    }
    if (top < 1) {
      throw SizebotException.invalidInput(
          "--top " + top + " is out of range: give at least 1 file change to show");
    }
    buildArgTexts.forEach(this::addBuildArg);
    requireImageCount();
    // Positional IMAGEs fill the sides that no option claimed, base first.
    Iterator<String> given = images.iterator();
    SideSpec base = side("base", baseRef, baseDockerfile, given);
    SideSpec head = side("head", headRef, headDockerfile, given);
    SecretMask mask = SecretMask.of(buildArgs);
    PrintWriter out = mask.around(spec.commandLine().getOut());
    PrintWriter err = mask.around(spec.commandLine().getErr());
    SecretMask.warnings(buildArgs).forEach(warning -> err.println("sizebot: " + warning));
    CompareRun run = new CompareRun(this, err);
    PhaseTimings phases = run.timings();
    CompareReport report = run.compare(base, head);
    phases.run(
        "report",
        () -> {
          String text =
              format == Format.json
                  ? CompareJson.render(report)
                  : CompareMarkdown.render(report, top);
          out.print(text);
          out.flush();
        });
    if (timings) {
      phases.print(err);
      CacheOptions.printCounts(run.cache(), err);
    }
    return report.failures().isEmpty() ? ExitCode.OK.code() : ExitCode.INVALID_INPUT.code();
  }

  private void addBuildArg(String text) {
    int eq = text.indexOf('=');
    if (eq < 1) {
      throw SizebotException.invalidInput(
          "--build-arg '"
              + text
              + "' is not NAME=VALUE: write it as, e.g., --build-arg VERSION=1.2");
    }
    buildArgs.put(text.substring(0, eq), text.substring(eq + 1));
  }

  ReadLimits limits() {
    return main.limits();
  }

  String platform() {
    return platform.orElseGet(InspectCommand::hostPlatform);
  }

  private void requireImageCount() {
    int expected =
        (baseRef.isPresent() || baseDockerfile.isPresent() ? 0 : 1)
            + (headRef.isPresent() || headDockerfile.isPresent() ? 0 : 1);
    if (images.size() != expected) {
      throw SizebotException.invalidInput(
          "compare needs a base and a head: give two IMAGEs, or --base-ref/--head-ref, or"
              + " --base-dockerfile/--head-dockerfile (got "
              + images.size()
              + " IMAGE argument(s))");
    }
  }

  private static SideSpec side(
      String name, Optional<String> ref, Optional<Path> file, Iterator<String> images) {
    if (ref.isPresent() && file.isPresent()) {
      throw SizebotException.invalidInput(
          "--" + name + "-ref and --" + name + "-dockerfile exclude each other: pick one");
    }
    if (ref.isPresent()) {
      return new SideSpec.GitBuild(ref.get());
    }
    if (file.isPresent()) {
      if (!Files.isRegularFile(file.get())) {
        throw SizebotException.invalidInput(
            "--"
                + name
                + "-dockerfile "
                + file.get()
                + " is not a file: pass the path of the Dockerfile to build");
      }
      return new SideSpec.DockerfileBuild(file.get());
    }
    return SideSpec.parse(images.next(), name);
  }
}
