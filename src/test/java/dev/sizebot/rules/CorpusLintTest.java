package dev.sizebot.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.sizebot.common.SizebotException;
import dev.sizebot.dockerfile.Dockerfile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every rule over the parser's corpus (heredocs, escapes, ONBUILD, exec form, odd flags): no rule
 * throws, and every replacement it proposes applies and parses.
 */
class CorpusLintTest {
  static Stream<Path> corpus() throws IOException {
    List<Path> files;
    try (Stream<Path> list = Files.list(Path.of("src/test/resources/dockerfiles"))) {
      files = list.filter(p -> p.toString().endsWith(".Dockerfile")).sorted().toList();
    }
    return files.stream().filter(CorpusLintTest::parses);
  }

  private static boolean parses(Path file) {
    try {
      Dockerfile.parse(Files.readString(file), file.toString());
      return true;
    } catch (SizebotException | IOException e) {
      return false;
    }
  }

  @ParameterizedTest
  @MethodSource("corpus")
  void everyRuleRunsAndEveryReplacementParses(Path file) throws IOException {
    String text = Files.readString(file);
    LintInput input = LintInput.of(Dockerfile.parse(text, file.toString()));
    LintResult result = RuleSet.standard().lint(input, file.toString(), Set.of());
    for (Finding finding : result.findings()) {
      assertThat(finding.location().end()).isLessThanOrEqualTo(input.dockerfile().lines().size());
      if (finding.fix().orElse(null) instanceof Fix.Replacement r) {
        assertThatCode(() -> Dockerfile.parse(r.applyTo(text), "fixed"))
            .as("%s fix on %s", finding.ruleId(), file.getFileName())
            .doesNotThrowAnyException();
      }
      if (finding.fix().orElse(null) instanceof Fix.Snippet s
          && s.file().equals(Fix.Snippet.DOCKERFILE)) {
        assertThatCode(() -> Dockerfile.parse(s.text(), "rewritten"))
            .as("%s rewrite of %s", finding.ruleId(), file.getFileName())
            .doesNotThrowAnyException();
      }
    }
  }
}
