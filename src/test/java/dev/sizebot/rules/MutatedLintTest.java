package dev.sizebot.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sizebot.common.SizebotException;
import dev.sizebot.dockerfile.Dockerfile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Robustness: Dockerfiles from the corpus with lines dropped, duplicated, swapped or cut short.
 * Whatever still parses must lint without any rule throwing, and every replacement must apply.
 */
class MutatedLintTest {
  @Test
  void rulesNeverThrowOnMutatedDockerfilesThatParse() throws IOException {
    List<String> corpus = new ArrayList<>();
    for (Path p : CorpusLintTest.corpus().toList()) {
      corpus.add(Files.readString(p));
    }
    Random random = new Random(7);
    int linted = 0;
    for (int i = 0; i < 600; i++) {
      String text = mutate(corpus.get(random.nextInt(corpus.size())), random);
      Dockerfile parsed;
      try {
        parsed = Dockerfile.parse(text, "mutant");
      } catch (SizebotException e) {
        continue;
      }
      LintResult result = RuleSet.standard().lint(LintInput.of(parsed), "mutant", Set.of());
      for (Finding f : result.findings()) {
        if (f.fix().orElse(null) instanceof Fix.Replacement r) {
          r.applyTo(text);
        }
      }
      linted++;
    }
    assertThat(linted).as("mutants that parsed").isGreaterThan(200);
  }

  private static String mutate(String text, Random random) {
    List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
    for (int n = 1 + random.nextInt(3); n > 0 && lines.size() > 1; n--) {
      int at = random.nextInt(lines.size());
      switch (random.nextInt(4)) {
        case 0 -> lines.remove(at);
        case 1 -> lines.add(at, lines.get(at));
        case 2 -> {
          int other = random.nextInt(lines.size());
          String swap = lines.get(at);
          lines.set(at, lines.get(other));
          lines.set(other, swap);
        }
        default -> {
          String line = lines.get(at);
          lines.set(at, line.substring(0, random.nextInt(line.length() + 1)));
        }
      }
    }
    return String.join("\n", lines);
  }
}
