package dev.sizebot.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The real Docker engine for tests. {@link #require()} skips a test when no engine answers, except
 * under {@code CI=true}, where a missing engine fails the run (engine tests never skip in CI).
 */
public final class Engine {
  /** Label on every image and container a test creates, so cleanup can find them. */
  public static final String TEST_LABEL = "dev.sizebot.test";

  private static Boolean available;

  private Engine() {}

  public static synchronized boolean available() {
    if (available == null) {
      available = tryRun(List.of("docker", "info", "--format", "{{.ServerVersion}}"));
    }
    return available;
  }

  public static void require() {
    if (available()) {
      return;
    }
    if ("true".equals(System.getenv("CI"))) {
      fail("CI=true but no Docker engine answers 'docker info' (scripts/test starts one)");
    }
    Assumptions.abort("no Docker engine answers 'docker info'");
  }

  /** The static busybox that FROM-scratch test images copy in (scripts/test provides it). */
  public static Path busybox() {
    for (String candidate :
        new String[] {System.getenv("SIZEBOT_BUSYBOX"), "/bin/busybox", "/usr/bin/busybox"}) {
      if (candidate != null && Files.isExecutable(Path.of(candidate))) {
        return Path.of(candidate);
      }
    }
    if ("true".equals(System.getenv("CI"))) {
      fail("CI=true but no static busybox (install busybox-static; scripts/test does)");
    }
    Assumptions.abort("no static busybox");
    throw new AssertionError("unreachable");
  }

  /** Runs the docker CLI and returns its stdout; fails the test on a non-zero exit. */
  public static String docker(String... args) {
    List<String> command = new ArrayList<>();
    command.add("docker");
    command.addAll(List.of(args));
    return run(command, null);
  }

  /** Builds {@code context} (with the classic builder: no pulls, exact layers) as {@code tag}. */
  public static String build(Path context, String tag) {
    List<String> command =
        List.of(
            "docker", "build", "-q", "--label", TEST_LABEL + "=1", "-t", tag, context.toString());
    return run(command, "0").strip();
  }

  /** Removes an image if present; never fails. */
  public static void removeImage(String ref) {
    tryRun(List.of("docker", "image", "rm", "-f", ref));
  }

  private static boolean tryRun(List<String> command) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      p.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return false;
      }
      return p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static String run(List<String> command, String buildkit) {
    try {
      ProcessBuilder pb = new ProcessBuilder(command);
      if (buildkit != null) {
        pb.environment().put("DOCKER_BUILDKIT", buildkit);
      }
      Path errFile = Files.createTempFile("sizebot-docker", ".err");
      pb.redirectError(errFile.toFile());
      Process p = pb.start();
      byte[] out = p.getInputStream().readAllBytes();
      if (!p.waitFor(300, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        fail("timed out: " + command);
      }
      String err = Files.readString(errFile);
      Files.deleteIfExists(errFile);
      if (p.exitValue() != 0) {
        fail(command + " exited " + p.exitValue() + ": " + err);
      }
      return new String(out, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new AssertionError("could not run " + command, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted: " + command, e);
    }
  }
}
