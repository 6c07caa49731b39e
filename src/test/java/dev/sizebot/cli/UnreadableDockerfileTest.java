package dev.sizebot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code sizebot lint} and {@code sizebot parse} given something that is not a Dockerfile: one line
 * on stderr that names the input, nothing on stdout, exit 2.
 */
class UnreadableDockerfileTest {
  @TempDir static Path dir;

  @BeforeAll
  static void inputs() throws IOException {
    Files.createDirectories(dir.resolve("folder"));
    // A gzip header and bytes that are not UTF-8: what a mistaken archive argument looks like.
    Files.write(dir.resolve("binary"), new byte[] {0x1f, (byte) 0x8b, 8, 0, (byte) 0xff, 0, 1, 2});
    Files.writeString(dir.resolve("empty"), "");
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "lint  | missing | {path}: no such file (pass the path of a Dockerfile)",
        "parse | missing | {path}: no such file (pass the path of a Dockerfile)",
        "lint  | folder  | {path} is a directory: pass the Dockerfile in it (e.g. {path}/Dockerfile)",
        "parse | folder  | {path}: cannot read (IOException: Is a directory)",
        "lint  | binary  | {path}: not UTF-8 text (save the Dockerfile as UTF-8)",
        "parse | binary  | {path}: not UTF-8 text (save the Dockerfile as UTF-8)",
        "lint  | empty   | {path}:1: file with no instructions (a Dockerfile needs at least a FROM"
            + " instruction)",
        "parse | empty   | {path}:1: file with no instructions (a Dockerfile needs at least a FROM"
            + " instruction)",
      })
  void isOneLineNamingTheInputAndExitTwo(String command, String input, String message) {
    String path = dir.resolve(input).toString();
    MainTest.Result r = MainTest.run(command, path);
    assertThat(r.err()).isEqualTo("sizebot: error: " + message.replace("{path}", path) + "\n");
    assertThat(r.out()).isEmpty();
    assertThat(r.code()).isEqualTo(2);
  }
}
