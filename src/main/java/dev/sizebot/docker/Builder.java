package dev.sizebot.docker;

import dev.sizebot.common.SizebotException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Builds images with BuildKit through the docker CLI, one at a time on one engine, so the second
 * build (head) reuses the first one's (base) cache. Each image is tagged and labelled for the run
 * and removed with it.
 */
public final class Builder {
  public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(60);

  private final BuildKitCli cli;
  private final RunResources run;
  private final Consumer<String> log;
  private final Duration timeout;

  /** {@code log} receives every build log line as it arrives (the CLI prints them to stderr). */
  public Builder(BuildKitCli cli, RunResources run, Consumer<String> log, Duration timeout) {
    this.cli = cli;
    this.run = run;
    this.log = log;
    this.timeout = timeout;
  }

  public Builder(BuildKitCli cli, RunResources run, Consumer<String> log) {
    this(cli, run, log, DEFAULT_TIMEOUT);
  }

  /**
   * Builds {@code request} as this run's image for {@code side} (e.g. "base", "head"). A build that
   * fails is a {@link BuildResult.Failed}; a missing context or Dockerfile is invalid input (exit
   * 2) and a build that cannot start or times out is an environment error (exit 3).
   */
  public synchronized BuildResult build(BuildRequest request, String side) {
    request.checkInputs();
    String tag = run.tagFor(side);
    Path iidFile = iidFile();
    try {
      // No owner label: the run owns its image by the run-unique tag (tracked below). A label with
      // the run id would give every rebuild from BuildKit's cache a new config and so a new image
      // ID, and the layer cache's image record (keyed by ID) would never spare a docker save.
      List<String> command = cli.buildCommand(request, tag, iidFile);
      BuildLog buildLog = new BuildLog(request.dockerfile().getFileName().toString(), log);
      run.trackImage(tag); // before the build: a Ctrl-C during --load must not leave it behind
      long started = System.nanoTime();
      int exit = execute(command, request.context(), buildLog);
      Duration took = Duration.ofNanos(System.nanoTime() - started);
      if (exit == 0) {
        return new BuildResult.Built(imageId(iidFile, tag), tag, took, buildLog.tail());
      }
      OptionalInt line = FailingLine.locate(buildLog, readLines(request.dockerfile()));
      return new BuildResult.Failed(
          exit,
          buildLog.tail(),
          line,
          buildLog.failingStep().map(BuildLog.Step::instruction),
          buildLog.stepExitCode(),
          took);
    } finally {
      iidFile.toFile().delete();
    }
  }

  public BuildKitCli cli() {
    return cli;
  }

  private int execute(List<String> command, Path dir, BuildLog buildLog) {
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
    builder.environment().putAll(cli.environment());
    builder.redirectErrorStream(true); // BuildKit writes its progress to stderr
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      throw SizebotException.environment(
          "cannot run " + cli.executable() + ": " + e.getMessage() + "; is Docker installed?", e);
    }
    run.trackProcess(process);
    Thread reader = new Thread(() -> pump(process, buildLog), "sizebot-build-log");
    reader.setDaemon(true);
    reader.start();
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        throw SizebotException.environment(
            "the build did not finish within " + timeout.toSeconds() + " s; see the log above");
      }
      reader.join(Duration.ofSeconds(10).toMillis());
      return process.exitValue();
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw SizebotException.environment("interrupted during the build", e);
    } finally {
      run.untrackProcess(process);
    }
  }

  private static void pump(Process process, BuildLog buildLog) {
    try (BufferedReader lines =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      lines.lines().forEach(buildLog);
    } catch (IOException | UncheckedIOException e) {
      // The process died (timeout, Ctrl-C); its exit code tells the story.
    }
  }

  // Scratch space for the CLI's --iidfile; deleteOnExit covers a Ctrl-C mid-build.
  private static Path iidFile() {
    try {
      Path file = Files.createTempFile("sizebot-", ".iid");
      file.toFile().deleteOnExit();
      return file;
    } catch (IOException e) {
      throw SizebotException.environment(
          "cannot create a temp file: " + e.getMessage() + "; check TMPDIR and free space", e);
    }
  }

  private static String imageId(Path iidFile, String tag) {
    try {
      String id = Files.readString(iidFile).strip();
      if (id.isEmpty()) {
        throw new IOException("empty image ID file");
      }
      return id;
    } catch (IOException e) {
      throw SizebotException.environment(
          "the build of " + tag + " succeeded but reported no image ID (" + e.getMessage() + ")",
          e);
    }
  }

  private static List<String> readLines(Path dockerfile) {
    try {
      return Files.readAllLines(dockerfile, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return List.of(); // the line is a nicety; the failure itself is already known
    }
  }
}
