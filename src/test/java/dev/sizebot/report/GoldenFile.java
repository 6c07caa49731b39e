package dev.sizebot.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden files under src/test/resources. Run with {@code -Dsizebot.updateGolden=true} to write or
 * rewrite them after an intended change, then review the diff. A missing file fails: writing it
 * silently would make the test pass whatever the output.
 */
public final class GoldenFile {
  private GoldenFile() {}

  public static void assertMatches(String resource, String actual) {
    Path file = Path.of("src/test/resources").resolve(resource);
    try {
      if (Boolean.getBoolean("sizebot.updateGolden")) {
        Files.createDirectories(file.getParent());
        Files.writeString(file, actual, StandardCharsets.UTF_8);
      }
      // A missing golden file fails: writing it silently would make the test unable to fail.
      assertThat(file).as("golden file (create it with -Dsizebot.updateGolden=true)").exists();
      assertThat(actual).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new AssertionError("golden file " + file, e);
    }
  }
}
