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
  private static final Path QEMU_ARM64 = Path.of("/usr/bin/qemu-aarch64-static");

  @TempDir Path dir;

  @Test
  void amd64ProgramWaitsUntilKilled() throws Exception {
    assumeTrue(System.getProperty("os.arch").equals("amd64"), "needs an x86-64 host");
    assertWaitsUntilKilled(List.of(), program("x86_64"));
  }

  @Test
  void arm64ProgramWaitsUntilKilledUnderEmulation() throws Exception {
    // Debian's qemu-user-static runs it on an x86-64 host; on an arm64 host it runs natively.
    boolean nativeArm = System.getProperty("os.arch").equals("aarch64");
    boolean runnable = nativeArm || Files.isExecutable(QEMU_ARM64);
    if ("true".equals(System.getenv("CI"))) {
      // scripts/test installs qemu-user-static on Debian: in CI this test must not skip.
      assertThat(runnable).as(QEMU_ARM64 + " (qemu-user-static) or an arm64 host").isTrue();
    }
    assumeTrue(runnable, "needs qemu-user-static or an arm64 host");
    assertWaitsUntilKilled(
        nativeArm ? List.of() : List.of(QEMU_ARM64.toString()), program("aarch64"));
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
