package dev.sizebot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sizebot.image.ReadLimits;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class MainTest {
  record Result(int code, String out, String err) {}

  static Result run(String... args) {
    return run(ReadLimits.DEFAULT, args);
  }

  /** Runs with lowered read limits, to reach a cap with a small archive. */
  static Result run(ReadLimits limits, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out), new PrintWriter(err), limits);
    return new Result(code, out.toString(), err.toString());
  }

  /**
   * Starts sizebot in a JVM of its own whose {@code DOCKER_HOST} names a socket in {@code dir} that
   * does not exist (the environment cannot be changed in-process), stderr merged into stdout.
   */
  static Process withoutEngine(Path dir, String... args) throws IOException {
    ProcessBuilder pb = new ProcessBuilder(inItsOwnJvm(List.of(args)));
    pb.environment().put("DOCKER_HOST", "unix://" + dir.resolve("no-engine.sock"));
    pb.redirectErrorStream(true);
    return pb.start();
  }

  /** The command line that runs sizebot with {@code args} in a JVM of its own. */
  static List<String> inItsOwnJvm(List<String> args) {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "dev.sizebot.cli.Main"));
    command.addAll(args);
    return command;
  }

  /** All a process of {@link #withoutEngine} wrote, once it has ended (within 60 s). */
  static String output(Process p) throws Exception {
    String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).as(text).isTrue();
    return text;
  }

  @Test
  void unknownOptionIsOneLineAndExitTwo() {
    Result r = run("--no-such-option");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err().lines()).hasSize(1);
    assertThat(r.err()).startsWith("sizebot: error: Unknown option: '--no-such-option'");
  }

  @Test
  void missingCommandIsInvalidInput() {
    Result r = run();
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("missing command");
  }

  @Test
  void helpListsExitCodes() {
    Result r = run("--help");
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("70", "budget exceeded", "invalid input");
  }
}
