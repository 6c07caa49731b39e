package dev.sizebot.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.sizebot.common.SizebotException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The corpus: every {@code NN-*.Dockerfile} parses to the reviewed golden {@code NN-*.json} beside
 * it; every {@code eNN-*.Dockerfile} fails with the one-line message in {@code eNN-*.error}. Run
 * with {@code -Dsizebot.golden.update=true} to rewrite the goldens, then review the diff.
 */
class CorpusTest {
  static final Path DIR = Path.of("src/test/resources/dockerfiles");
  private static final boolean UPDATE = Boolean.getBoolean("sizebot.golden.update");
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  static List<Path> dockerfiles() throws IOException {
    try (Stream<Path> files = Files.list(DIR)) {
      return files.filter(p -> p.toString().endsWith(".Dockerfile")).sorted().toList();
    }
  }

  static Stream<Path> valid() throws IOException {
    return dockerfiles().stream().filter(p -> !name(p).startsWith("e"));
  }

  static Stream<Path> invalid() throws IOException {
    return dockerfiles().stream().filter(p -> name(p).startsWith("e"));
  }

  /** Parses under the bare file name, so messages do not depend on the working directory. */
  private static Dockerfile read(Path p) {
    return Dockerfile.parse(Dockerfile.readText(p), name(p));
  }

  private static String name(Path p) {
    return p.getFileName().toString();
  }

  private static Path beside(Path dockerfile, String extension) {
    return dockerfile.resolveSibling(name(dockerfile).replace(".Dockerfile", extension));
  }

  @Test
  void theCorpusHasAtLeastSixtyValidDockerfiles() throws IOException {
    assertThat(valid().count()).isGreaterThanOrEqualTo(60);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("valid")
  void parsesToTheReviewedGolden(Path dockerfile) throws IOException {
    Dockerfile parsed = read(dockerfile);
    String actual = JSON.writeValueAsString(ParseTree.of(parsed)) + "\n";
    Path golden = beside(dockerfile, ".json");
    if (UPDATE) {
      Files.writeString(golden, actual, StandardCharsets.UTF_8);
    }
    assertThat(actual).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalid")
  void failsWithTheReviewedMessage(Path dockerfile) throws IOException {
    Path golden = beside(dockerfile, ".error");
    if (UPDATE) {
      try {
        read(dockerfile);
      } catch (SizebotException e) {
        Files.writeString(golden, e.getMessage() + "\n", StandardCharsets.UTF_8);
      }
    }
    String expected = Files.readString(golden, StandardCharsets.UTF_8).strip();
    assertThatThrownBy(() -> read(dockerfile))
        .isInstanceOf(SizebotException.class)
        .hasMessage(expected);
  }
}
