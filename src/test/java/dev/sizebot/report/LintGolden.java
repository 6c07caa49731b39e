package dev.sizebot.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden files for rendered lint output under src/test/resources/dev/sizebot/report/lint. Run with
 * {@code -Dsizebot.golden.update=true} to rewrite them after an intended change, then review the
 * diff.
 */
final class LintGolden {
  private static final Path DIR = Path.of("src/test/resources/dev/sizebot/report/lint");

  private LintGolden() {}

  static void assertMatches(String name, String actual) {
    Path file = DIR.resolve(name);
    try {
      if (Boolean.getBoolean("sizebot.golden.update")) {
        Files.writeString(file, actual, StandardCharsets.UTF_8);
      }
      assertThat(actual).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
