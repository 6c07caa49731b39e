package dev.sizebot.docker;

import dev.sizebot.common.SizebotException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;

/**
 * Runs a short external program (git, a docker CLI probe) to completion with a timeout. Both output
 * streams are drained concurrently so a chatty program cannot block on a full pipe.
 */
final class ExternalCommand {
  /** What a finished program left behind. */
  record Outcome(int exitCode, String stdout, String stderr) {
    boolean ok() {
      return exitCode == 0;
    }

    /** Trimmed stdout: most probes print one value. */
    String out() {
      return stdout.strip();
    }

    /** The last non-blank line of stderr (or stdout), for a one-line error message. */
    String lastErrorLine() {
      String text = stderr.isBlank() ? stdout : stderr;
      List<String> lines = text.strip().lines().filter(l -> !l.isBlank()).toList();
      return lines.isEmpty() ? "exit code " + exitCode : lines.get(lines.size() - 1).strip();
    }
  }

  private ExternalCommand() {}

  static Outcome run(List<String> command, Path dir, Map<String, String> env, Duration timeout) {
    Process process = start(command, dir, env);
    FutureTask<String> stderr = drain(process.getErrorStream());
    FutureTask<String> stdout = drain(process.getInputStream());
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        throw SizebotException.environment(
            "'"
                + String.join(" ", command)
                + "' did not finish within "
                + timeout.toSeconds()
                + " s (in "
                + dir
                + "); check the network or the engine and retry");
      }
      return new Outcome(process.exitValue(), stdout.get(), stderr.get());
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw SizebotException.environment("interrupted while running " + command.get(0), e);
    } catch (ExecutionException e) {
      throw SizebotException.environment(
          "could not read the output of " + command.get(0) + ": " + e.getCause().getMessage(), e);
    }
  }

  static Process start(List<String> command, Path dir, Map<String, String> env) {
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
    builder.environment().putAll(env);
    try {
      return builder.start();
    } catch (IOException e) {
      throw SizebotException.environment(
          "cannot run '" + command.get(0) + "': " + e.getMessage() + "; is it installed?", e);
    }
  }

  // A thread of its own per stream: the common pool may be busy or tiny, and a pipe that nobody
  // reads stalls the child.
  private static FutureTask<String> drain(InputStream stream) {
    FutureTask<String> task =
        new FutureTask<>(
            () -> {
              try (stream) {
                return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
              }
            });
    Thread thread = new Thread(task, "sizebot-drain");
    thread.setDaemon(true);
    thread.start();
    return task;
  }
}
