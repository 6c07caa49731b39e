package dev.sizebot.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.sizebot.dockerfile.Dockerfile;
import dev.sizebot.dockerfile.ParseTree;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Dockerfiles that BuildKit's parser accepts but that would not build (each checked once against
 * the engine's builder: none is a "failed to parse Dockerfile"): each parses to the reviewed model
 * in {@code NN-*.json}, with the failing instructions kept and their {@code errors} attached, and
 * lints to exactly the findings in {@code NN-*.findings} — SB300 at the offending columns and every
 * other rule on the rest. {@code -Dsizebot.golden.update=true} rewrites the goldens for review.
 */
class BuildErrorsTest {
  static final Path DIR = Path.of("src/test/resources/build-errors");
  private static final boolean UPDATE = Boolean.getBoolean("sizebot.golden.update");
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  static Stream<Path> dockerfiles() throws IOException {
    try (Stream<Path> files = Files.list(DIR)) {
      return files.filter(p -> p.toString().endsWith(".Dockerfile")).sorted().toList().stream();
    }
  }

  private static Dockerfile read(Path p) {
    return Dockerfile.parse(Dockerfile.readText(p), p.getFileName().toString());
  }

  private static Path beside(Path dockerfile, String extension) {
    return dockerfile.resolveSibling(
        dockerfile.getFileName().toString().replace(".Dockerfile", extension));
  }

  private static void assertGolden(Path golden, String actual) throws IOException {
    if (UPDATE) {
      Files.writeString(golden, actual, StandardCharsets.UTF_8);
    }
    assertThat(actual).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
  }

  /** One line a finding: rule, severity, {@code line:column-line:column} (or lines), message. */
  static String line(Finding f) {
    LineRange r = f.location();
    String where =
        r.hasColumns()
            ? r.start() + ":" + r.startColumn() + "-" + r.end() + ":" + r.endColumn()
            : r.label();
    String fix = f.fix().map(x -> " | fix: " + x.description()).orElse("");
    return f.ruleId() + " " + f.severity().label() + " " + where + " " + f.message() + fix;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dockerfiles")
  void parsesToTheWholeModelWithEachErrorOnItsInstruction(Path dockerfile) throws IOException {
    String actual = JSON.writeValueAsString(ParseTree.of(read(dockerfile))) + "\n";
    assertGolden(beside(dockerfile, ".json"), actual);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dockerfiles")
  void lintsToTheReviewedFindings(Path dockerfile) throws IOException {
    LintResult result =
        RuleSet.standard().lint(LintInput.of(read(dockerfile)), dockerfile.toString(), Set.of());
    String actual =
        result.findings().stream().map(BuildErrorsTest::line).collect(Collectors.joining("\n"))
            + "\n";
    assertGolden(beside(dockerfile, ".findings"), actual);
  }

  @Test
  void onlyTheFileWhoseArraysAreShellFormBuilds() throws IOException {
    List<String> building =
        dockerfiles()
            .filter(p -> !read(p).failsToBuild())
            .map(p -> p.getFileName().toString())
            .toList();
    assertThat(building).containsExactly("09-json-looking-shell-form.Dockerfile");
  }

  @Test
  void theFixMovesTheStrayCmdAfterTheFirstFromAndTheFileThenBuilds() throws IOException {
    Path file = DIR.resolve("06-cmd-between-arg-and-from.Dockerfile");
    Finding finding =
        RuleSet.standard().lint(LintInput.of(read(file)), "df", Set.of()).findings().get(0);
    String fixed =
        ((Fix.Replacement) finding.fix().orElseThrow())
            .applyTo(Files.readString(file, StandardCharsets.UTF_8));
    assertThat(fixed)
        .isEqualTo(
            "# a stray CMD, between a global ARG and the first FROM\nARG BASE=debian:12\n\n"
                + "FROM $BASE\nCMD [\"/app\"]\n"
                + "RUN apt-get update && apt-get install -y curl\n");
    assertThat(Dockerfile.parse(fixed, "df").failsToBuild()).isFalse();
  }

  @Test
  void anInlineIgnoreAboveTheFailingInstructionSilencesItAndOnlyIt() {
    String text =
        "FROM alpine:3.20\n# sizebot ignore=SB300\nCOPY --user=app . /app\nUSER\nUSER 10001\n";
    LintResult result =
        RuleSet.standard().lint(LintInput.of(Dockerfile.parse(text, "df")), "df", Set.of());
    assertThat(result.findings().stream().map(BuildErrorsTest::line))
        .containsExactly("SB300 error 4:1-4:5 USER requires exactly one argument");
  }

  @Test
  void theIgnoreListSkipsBuildErrorsEvenWithoutAFrom() {
    Dockerfile file = Dockerfile.parse("CMD [\"x\"]\n", "df");
    assertThat(RuleSet.standard().lint(LintInput.of(file), "df", Set.of("SB300")).findings())
        .isEmpty();
    assertThat(RuleSet.standard().lint(LintInput.of(file), "df", Set.of()).findings())
        .extracting(Finding::ruleId)
        .containsExactly("SB300");
  }
}
