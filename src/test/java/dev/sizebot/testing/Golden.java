package dev.sizebot.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden files under {@code src/test/resources/golden}. Run with {@code -Dsizebot.golden=update} to
 * rewrite them after an intended change, then review the diff.
 */
public final class Golden {
  private static final Path DIR = Path.of("src", "test", "resources", "golden");

  private Golden() {}

  public static void assertMatches(String name, String actual) {
    Path file = DIR.resolve(name);
    try {
      if ("update".equals(System.getProperty("sizebot.golden"))) {
        Files.createDirectories(DIR);
        Files.writeString(file, actual);
      }
      assertThat(actual).isEqualTo(Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException(
          "golden file " + file + " (create it with -Dsizebot.golden=update)", e);
    }
  }
}
