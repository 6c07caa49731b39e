package dev.sizebot.cli;

import dev.sizebot.common.ExitCode;
import dev.sizebot.common.SizebotException;
import dev.sizebot.dockerfile.Dockerfile;
import dev.sizebot.report.LintJson;
import dev.sizebot.report.LintMarkdown;
import dev.sizebot.report.Sarif;
import dev.sizebot.rules.Evidence;
import dev.sizebot.rules.LintInput;
import dev.sizebot.rules.LintResult;
import dev.sizebot.rules.RuleSet;
import dev.sizebot.rules.Severity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code sizebot lint}: static Dockerfile findings with fixes, as markdown, JSON or SARIF. */
@Command(
    name = "lint",
    mixinStandardHelpOptions = true,
    description = "Static Dockerfile findings with fixes.")
final class LintCommand implements Callable<Integer> {
  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "DOCKERFILE",
      description = "The Dockerfile to lint (default: ./Dockerfile).")
  Path dockerfile = Path.of("Dockerfile");

  @Option(
      names = "--context",
      paramLabel = "DIR",
      description =
          "The build context, for .dockerignore and lock files (default: the"
              + " Dockerfile's directory).")
  Path context;

  enum Format {
    markdown,
    json,
    sarif
  }

  @Option(
      names = "--format",
      defaultValue = "markdown",
      description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  Format format;

  @Option(
      names = "--fail-on",
      paramLabel = "SEVERITY",
      description = "Exit 1 when a finding is at or above: info, warning (default), error, none.")
  String failOn = "warning";

  @Option(
      names = "--ignore",
      split = ",",
      paramLabel = "IDS",
      description = "Rule ids to skip, comma-separated (e.g. SB114,SB302).")
  List<String> ignore = List.of();

  @Option(
      names = "--image",
      paramLabel = "IMAGE|ARCHIVE|DIR",
      description =
          "The image built from this Dockerfile (engine ref, docker-save/OCI archive or OCI"
              + " layout; ARCHIVE#REF picks one of several): findings are confirmed and sized from"
              + " its layers.")
  Optional<String> image = Optional.empty();

  @Option(
      names = "--platform",
      paramLabel = "PLATFORM",
      description = "Platform to pick from a multi-platform --image (default: this host's).")
  Optional<String> platform = Optional.empty();

  @Mixin CacheOptions cache = new CacheOptions();

  @Spec CommandSpec spec;

  @ParentCommand Main main;

  @Override
  public Integer call() {
    Optional<Severity> threshold = threshold();
    Path dir = context != null ? context : parentOf(dockerfile);
    if (!Files.isDirectory(dir)) {
      throw SizebotException.invalidInput(
          "context " + dir + " is not a directory (pass --context DIR)");
    }
    if (Files.isDirectory(dockerfile)) {
      throw SizebotException.invalidInput(
          dockerfile
              + " is a directory: pass the Dockerfile in it (e.g. "
              + dockerfile.resolve("Dockerfile")
              + ")");
    }
    Dockerfile parsed = Dockerfile.parse(Dockerfile.readText(dockerfile), dockerfile.toString());
    if (parsed.stages().isEmpty() && parsed.errors().isEmpty()) {
      throw SizebotException.invalidInput(
          dockerfile + ": no FROM instruction, so no stage to lint (add a FROM)");
    }
    if (platform.isPresent() && image.isEmpty()) {
      throw SizebotException.invalidInput("--platform picks the --image to read: pass --image too");
    }
    Evidence evidence =
        image
            .map(
                ref ->
                    LintEvidence.of(
                        ImageTarget.read(
                            ref, platform, main.limits(), cache.open(spec.commandLine().getErr())),
                        ref,
                        parsed))
            .orElse(Evidence.NONE);
    LintInput input = new LintInput(parsed, dockerignore(dir), Optional.of(entries(dir)), evidence);
    Set<String> ignored =
        ignore.stream()
            .map(s -> s.strip().toUpperCase(Locale.ROOT))
            .filter(s -> !s.isEmpty())
            .collect(Collectors.toCollection(LinkedHashSet::new));
    LintResult result = RuleSet.standard().lint(input, displayPath(dockerfile), ignored);
    spec.commandLine().getOut().print(render(format, result));
    spec.commandLine().getOut().flush();
    boolean fails =
        threshold.isPresent()
            && result.worst().filter(w -> w.isAtLeast(threshold.get())).isPresent();
    return fails ? 1 : ExitCode.OK.code();
  }

  private Optional<Severity> threshold() {
    return failOn.equalsIgnoreCase("none") ? Optional.empty() : Optional.of(Severity.parse(failOn));
  }

  private static String render(Format format, LintResult result) {
    return switch (format) {
      case json -> LintJson.render(result);
      case sarif -> Sarif.render(result, version());
      case markdown -> LintMarkdown.render(result);
    };
  }

  private static String version() {
    String v = Main.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }

  private static Path parentOf(Path file) {
    Path parent = file.toAbsolutePath().getParent();
    return parent == null ? Path.of(".") : parent;
  }

  // BuildKit reads <Dockerfile>.dockerignore beside the Dockerfile first, then
  // <context>/.dockerignore.
  private Optional<String> dockerignore(Path dir) {
    Path specific = Path.of(dockerfile + ".dockerignore");
    for (Path candidate : List.of(specific, dir.resolve(".dockerignore"))) {
      if (Files.isRegularFile(candidate)) {
        try {
          return Optional.of(Files.readString(candidate, StandardCharsets.UTF_8));
        } catch (IOException e) {
          throw SizebotException.invalidInput(
              "cannot read " + candidate + " (" + e.getMessage() + "); fix or remove it", e);
        }
      }
    }
    return Optional.empty();
  }

  private static Set<String> entries(Path dir) {
    try (Stream<Path> list = Files.list(dir)) {
      return list.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
    } catch (IOException e) {
      throw SizebotException.invalidInput(
          "cannot list the context " + dir + " (" + e.getMessage() + "); pass --context DIR", e);
    }
  }

  // Relative to the working directory when below it, so SARIF URIs resolve against the repo root.
  private static String displayPath(Path file) {
    Path cwd = Path.of("").toAbsolutePath();
    Path abs = file.toAbsolutePath().normalize();
    return (abs.startsWith(cwd) ? cwd.relativize(abs) : file).toString().replace('\\', '/');
  }
}
