package dev.sizebot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sizebot.image.ReadLimits;
import java.io.PrintWriter;
import java.io.StringWriter;
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
