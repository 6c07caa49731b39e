package dev.sizebot.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pause program really runs, waits, and dies only when killed. */
class PauseProgramTest {
  @TempDir Path dir;

  @Test
  void amd64ProgramWaitsUntilKilled() throws Exception {
    assertWaitsUntilKilled(launcher("amd64", "x86_64"), program("x86_64"));
  }

  @Test
  void arm64ProgramWaitsUntilKilled() throws Exception {
    assertWaitsUntilKilled(launcher("aarch64", "aarch64"), program("aarch64"));
  }

  @Test
  void engineArchitecturesMapToOciNamesAndOthersHaveNoProgram() {
    assertThat(PauseProgram.forArchitecture("x86_64").orElseThrow().ociArchitecture())
        .isEqualTo("amd64");
    assertThat(PauseProgram.forArchitecture("aarch64").orElseThrow().ociArchitecture())
        .isEqualTo("arm64");
    assertThat(PauseProgram.forArchitecture("s390x")).isEmpty();
    assertThat(PauseProgram.forArchitecture("armv7l")).isEmpty();
  }

  @Test
  void programsAreTheSmallestElfLinuxLoads() {
    // 64-byte header + one 56-byte program header + 9 bytes of x86-64 or 7 AArch64 instructions.
    assertThat(PauseProgram.forArchitecture("x86_64").orElseThrow().executable()).hasSize(129);
    assertThat(PauseProgram.forArchitecture("aarch64").orElseThrow().executable()).hasSize(148);
  }

  /**
   * How to run a program for {@code javaArch} ({@code os.arch}) here: natively, or under Debian's
   * qemu-user-static ({@code qemu-<qemuArch>-static}), which scripts/test installs. Under CI=true
   * the test must not skip, so a missing emulator fails it.
   */
  private static List<String> launcher(String javaArch, String qemuArch) {
    if (System.getProperty("os.arch").equals(javaArch)) {
      return List.of();
    }
    Path qemu = Path.of("/usr/bin/qemu-" + qemuArch + "-static");
    if ("true".equals(System.getenv("CI"))) {
      assertThat(Files.isExecutable(qemu)).as(qemu + " (qemu-user-static)").isTrue();
    }
    assumeTrue(Files.isExecutable(qemu), "needs " + qemu + " (qemu-user-static)");
    return List.of(qemu.toString());
  }

  private Path program(String architecture) throws IOException {
    Path file = dir.resolve("pause-" + architecture);
    Files.write(file, PauseProgram.forArchitecture(architecture).orElseThrow().executable());
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
    return file;
  }

  private static void assertWaitsUntilKilled(List<String> launcher, Path program) throws Exception {
    List<String> command = new ArrayList<>(launcher);
    command.add(program.toString());
    Path output = program.resolveSibling(program.getFileName() + ".out");
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(output.toFile())
            .start();
    try {
      // A wrong instruction would crash (SIGILL, SIGSEGV) or exit at once; 500 ms is plenty.
      assertThat(process.waitFor(500, TimeUnit.MILLISECONDS)).as("still running").isFalse();
      process.destroyForcibly();
      assertThat(process.waitFor(5, TimeUnit.SECONDS)).isTrue();
      assertThat(process.exitValue()).isEqualTo(137); // killed by SIGKILL, not exited by itself
      assertThat(output).isEmptyFile();
    } finally {
      process.destroyForcibly();
    }
  }
}
