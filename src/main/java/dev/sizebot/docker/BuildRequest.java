package dev.sizebot.docker;

import dev.sizebot.common.SizebotException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What to build: a context directory, the Dockerfile, an optional target stage and platform, build
 * args and labels in the order given. Relative paths are taken from the working directory, as
 * {@code docker build -f} takes them (not from the context).
 */
public record BuildRequest(
    Path context,
    Path dockerfile,
    Optional<String> target,
    Map<String, String> buildArgs,
    Optional<String> platform,
    Map<String, String> labels) {

  public BuildRequest {
    if (context == null || dockerfile == null || target == null || platform == null) {
      throw new IllegalArgumentException("context, dockerfile, target and platform are required");
    }
    context = context.toAbsolutePath().normalize();
    dockerfile = dockerfile.toAbsolutePath().normalize();
    buildArgs = ordered(buildArgs);
    labels = ordered(labels);
  }

  /**
   * A plain build of {@code dockerfile} in {@code context}: no target, args, platform or labels.
   */
  public static BuildRequest of(Path context, Path dockerfile) {
    return new BuildRequest(
        context, dockerfile, Optional.empty(), Map.of(), Optional.empty(), Map.of());
  }

  /** A plain build of {@code context}/Dockerfile, docker's default. */
  public static BuildRequest of(Path context) {
    return of(context, context.resolve("Dockerfile"));
  }

  public BuildRequest withTarget(String stage) {
    return new BuildRequest(context, dockerfile, Optional.of(stage), buildArgs, platform, labels);
  }

  public BuildRequest withPlatform(String value) {
    return new BuildRequest(context, dockerfile, target, buildArgs, Optional.of(value), labels);
  }

  public BuildRequest withBuildArgs(Map<String, String> args) {
    return new BuildRequest(context, dockerfile, target, args, platform, labels);
  }

  public BuildRequest withLabels(Map<String, String> values) {
    return new BuildRequest(context, dockerfile, target, buildArgs, platform, values);
  }

  /** The same build in another checkout: both paths move from {@code from} to {@code to}. */
  public BuildRequest relocate(Path from, Path to) {
    Path root = real(from);
    Path destination = to.toAbsolutePath().normalize();
    Path realContext = real(context);
    Path realDockerfile = real(dockerfile);
    if (!realContext.startsWith(root) || !realDockerfile.startsWith(root)) {
      throw SizebotException.invalidInput(
          "build context "
              + context
              + " and Dockerfile "
              + dockerfile
              + " must lie inside the repository "
              + root);
    }
    return new BuildRequest(
        destination.resolve(root.relativize(realContext)),
        destination.resolve(root.relativize(realDockerfile)),
        target,
        buildArgs,
        platform,
        labels);
  }

  // git prints real paths; the user's may go through a symlink (/tmp on macOS), so compare real
  // paths where the file exists (a Dockerfile may exist only on the other side).
  private static Path real(Path path) {
    Path absolute = path.toAbsolutePath().normalize();
    try {
      return absolute.toRealPath();
    } catch (IOException e) {
      Path parent = absolute.getParent();
      return parent == null || parent.equals(absolute)
          ? absolute
          : real(parent).resolve(absolute.getFileName());
    }
  }

  /** Fails with one clear line when the context or the Dockerfile is missing (exit 2). */
  void checkInputs() {
    if (!Files.isDirectory(context)) {
      throw SizebotException.invalidInput(
          "build context " + context + " is not a directory; check --context");
    }
    if (!Files.isRegularFile(dockerfile)) {
      throw SizebotException.invalidInput(
          "Dockerfile " + dockerfile + " does not exist; check --dockerfile");
    }
  }

  private static Map<String, String> ordered(Map<String, String> map) {
    if (map == null) {
      throw new IllegalArgumentException("maps must not be null");
    }
    return Collections.unmodifiableMap(new LinkedHashMap<>(map));
  }
}
