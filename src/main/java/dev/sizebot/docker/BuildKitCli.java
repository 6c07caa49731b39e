package dev.sizebot.docker;

import dev.sizebot.common.SizebotException;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A docker CLI that can build with BuildKit, and how: the buildx plugin ({@code docker buildx build
 * --load}) or, on clients before 23.0, the built-in BuildKit ({@code DOCKER_BUILDKIT=1 docker
 * build}). Clients from 23.0 on hand {@code docker build} to buildx and fail without it, so a
 * machine may hold several clients of which only one works; {@link #detect} finds it.
 */
public record BuildKitCli(Path executable, String clientVersion, Mode mode) {
  private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(20);
  private static final Pattern VERSION = Pattern.compile("^(\\d+)\\.(\\d+)");
  private static final Pattern CLIENT_VERSION = Pattern.compile("^Docker version ([^,\\s]+)");
  // Docker 18.09 brought DOCKER_BUILDKIT=1; 23.0 made `docker build` an alias of buildx.
  private static final int FIRST_BUILTIN_MAJOR = 18;
  private static final int FIRST_BUILDX_ONLY_MAJOR = 23;

  /** How this client reaches BuildKit. */
  public enum Mode {
    BUILDX,
    BUILTIN
  }

  public BuildKitCli {
    if (executable == null || clientVersion == null || mode == null) {
      throw new IllegalArgumentException("executable, clientVersion and mode are required");
    }
  }

  /**
   * Finds a working BuildKit client: the {@code override} when given (a path or a name looked up on
   * {@code searchPath}), else every {@code docker} on {@code searchPath} (the PATH value, read by
   * the cli layer), preferring one with buildx over one with built-in BuildKit. Throws an
   * environment error (exit 3) saying what to install when none can build.
   */
  public static BuildKitCli detect(Optional<String> override, String searchPath) {
    if (override.isPresent()) {
      Path cli = locate(override.get(), searchPath);
      return probe(cli)
          .orElseThrow(
              () ->
                  SizebotException.environment(
                      "docker CLI "
                          + cli
                          + " ("
                          + describeVersion(cli)
                          + ") cannot build with BuildKit: install the buildx plugin"
                          + " (https://docs.docker.com/go/buildx/) or choose another client"));
    }
    List<Path> candidates = onPath("docker", searchPath);
    // Each probe runs two child processes (~0.15 s); probing all candidates at once costs one.
    List<CompletableFuture<Optional<BuildKitCli>>> probes =
        candidates.stream()
            .map(cli -> CompletableFuture.supplyAsync(() -> probe(cli), BuildKitCli::daemon))
            .toList();
    Optional<BuildKitCli> builtin = Optional.empty();
    for (CompletableFuture<Optional<BuildKitCli>> probe : probes) {
      Optional<BuildKitCli> probed = probe.join(); // probe() never throws
      if (probed.isPresent() && probed.get().mode == Mode.BUILDX) {
        return probed.get();
      }
      builtin = builtin.or(() -> probed);
    }
    return builtin.orElseThrow(() -> SizebotException.environment(noneWorks(candidates)));
  }

  private static void daemon(Runnable task) {
    Thread thread = new Thread(task, "sizebot-cli-probe");
    thread.setDaemon(true);
    thread.start();
  }

  /** The argument list for one build (the caller adds nothing). */
  List<String> buildCommand(BuildRequest request, String tag, Path iidFile) {
    List<String> command = new ArrayList<>();
    command.add(executable.toString());
    if (mode == Mode.BUILDX) {
      command.addAll(List.of("buildx", "build", "--load"));
    } else {
      command.add("build");
    }
    command.addAll(List.of("--progress=plain", "--iidfile", iidFile.toString(), "-t", tag, "-f"));
    command.add(request.dockerfile().toString());
    request.target().ifPresent(t -> command.addAll(List.of("--target", t)));
    request.platform().ifPresent(p -> command.addAll(List.of("--platform", p)));
    request.buildArgs().forEach((k, v) -> command.addAll(List.of("--build-arg", k + "=" + v)));
    request.labels().forEach((k, v) -> command.addAll(List.of("--label", k + "=" + v)));
    command.add(request.context().toString());
    return command;
  }

  /** Environment for the build process, on top of the inherited one. */
  Map<String, String> environment() {
    // Attestations would turn a --load into a manifest list on some drivers; sizebot wants a
    // plain image. Older clients ignore the variable.
    return mode == Mode.BUILDX
        ? Map.of("BUILDX_NO_DEFAULT_ATTESTATIONS", "1")
        : Map.of("DOCKER_BUILDKIT", "1");
  }

  /** For logs and messages: {@code /usr/bin/docker 20.10.24 (built-in BuildKit)}. */
  public String describe() {
    return executable
        + " "
        + clientVersion
        + (mode == Mode.BUILDX ? " (buildx)" : " (built-in BuildKit)");
  }

  static Optional<BuildKitCli> probe(Path cli) {
    Optional<String> version = clientVersion(cli);
    if (version.isEmpty()) {
      return Optional.empty();
    }
    if (run(cli, "buildx", "version").ok()) {
      return Optional.of(new BuildKitCli(cli, version.get(), Mode.BUILDX));
    }
    int major = major(version.get());
    if (major >= FIRST_BUILTIN_MAJOR && major < FIRST_BUILDX_ONLY_MAJOR) {
      return Optional.of(new BuildKitCli(cli, version.get(), Mode.BUILTIN));
    }
    return Optional.empty();
  }

  static int major(String version) {
    Matcher m = VERSION.matcher(version);
    return m.find() ? Integer.parseInt(m.group(1)) : -1;
  }

  private static Optional<String> clientVersion(Path cli) {
    // "Docker version 20.10.24+dfsg1, build 297e128". Unlike `docker version`, `--version` never
    // contacts the engine, so a slow or absent engine cannot stall or fail the probe.
    Matcher m = CLIENT_VERSION.matcher(run(cli, "--version").stdout());
    return m.find() && major(m.group(1)) >= 0 ? Optional.of(m.group(1)) : Optional.empty();
  }

  private static String describeVersion(Path cli) {
    return clientVersion(cli).map(v -> "client " + v).orElse("not a docker client");
  }

  private static ExternalCommand.Outcome run(Path cli, String... args) {
    List<String> command = new ArrayList<>(List.of(cli.toString()));
    command.addAll(List.of(args));
    try {
      return ExternalCommand.run(command, Path.of("."), Map.of(), PROBE_TIMEOUT);
    } catch (SizebotException e) {
      return new ExternalCommand.Outcome(-1, "", e.getMessage());
    }
  }

  private static Path locate(String nameOrPath, String searchPath) {
    if (nameOrPath.contains("/")) {
      Path path = Path.of(nameOrPath);
      if (Files.isExecutable(path)) {
        return path;
      }
      throw SizebotException.invalidInput(
          "docker CLI " + nameOrPath + " does not exist or is not executable");
    }
    return onPath(nameOrPath, searchPath).stream()
        .findFirst()
        .orElseThrow(
            () ->
                SizebotException.invalidInput(
                    "docker CLI '" + nameOrPath + "' is not on PATH; give its full path"));
  }

  // The same binary often sits on PATH twice (/bin -> /usr/bin on merged-/usr systems).
  private static List<Path> onPath(String name, String searchPath) {
    Set<Path> real = new LinkedHashSet<>();
    List<Path> found = new ArrayList<>();
    for (String dir : searchPath.split(File.pathSeparator)) {
      if (dir.isBlank()) {
        continue;
      }
      Path candidate = Path.of(dir, name);
      try {
        if (Files.isExecutable(candidate) && real.add(candidate.toRealPath())) {
          found.add(candidate);
        }
      } catch (IOException e) {
        // A dangling symlink on PATH is no candidate.
      }
    }
    return found;
  }

  private static String noneWorks(List<Path> candidates) {
    if (candidates.isEmpty()) {
      return "no docker CLI on PATH: install Docker with the buildx plugin"
          + " (https://docs.docker.com/go/buildx/)";
    }
    List<String> seen = candidates.stream().map(c -> c + " " + describeVersion(c)).toList();
    return "no docker CLI on PATH can build with BuildKit (found "
        + String.join(", ", seen)
        + ", none with buildx): install the buildx plugin (https://docs.docker.com/go/buildx/)"
        + " or point --docker-cli at a client with BuildKit";
  }
}
