package dev.sizebot.rules;

import static dev.sizebot.rules.RuleCheck.lines;
import static dev.sizebot.rules.RuleCheck.parse;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ContextNotIgnoredTest {
  private static final LintInput COPY_ALL =
      LintInput.of(parse(lines("FROM python:3.12-slim", "WORKDIR /app", "COPY . .")));

  @Test
  void noDockerignoreIsFoundAndOneIsProposed() {
    Finding f = new ContextNotIgnored().check(COPY_ALL).get(0);
    assertThat(f.location()).isEqualTo(LineRange.of(3));
    assertThat(f.message())
        .isEqualTo("line 3 copies the whole context and there is no .dockerignore");
    Fix.Snippet fix = (Fix.Snippet) f.fix().orElseThrow();
    assertThat(fix.file()).isEqualTo(".dockerignore");
    assertThat(fix.text()).isEqualTo(".git\n.venv\nnode_modules\n**/__pycache__\n");
    assertThat(new ContextNotIgnored().check(COPY_ALL.withDockerignore(fix.text()))).isEmpty();
  }

  @Test
  void missingEntriesAreNamedAndAppended() {
    LintInput input = COPY_ALL.withDockerignore("# local\n/.git/\nnode_modules");
    Finding f = new ContextNotIgnored().check(input).get(0);
    assertThat(f.message())
        .isEqualTo(
            "line 3 copies the whole context and .dockerignore does not exclude .venv,"
                + " __pycache__");
    String fixed = ((Fix.Snippet) f.fix().orElseThrow()).text();
    assertThat(fixed).isEqualTo("# local\n/.git/\nnode_modules\n.venv\n**/__pycache__\n");
    assertThat(new ContextNotIgnored().check(COPY_ALL.withDockerignore(fixed))).isEmpty();
  }

  @Test
  void anAllowListDockerignoreCoversEverything() {
    assertThat(new ContextNotIgnored().check(COPY_ALL.withDockerignore("*\n!src\n!pyproject.toml")))
        .isEmpty();
  }

  @Test
  void aKnownContextLimitsTheCheckToWhatItHolds() {
    LintInput input =
        COPY_ALL.withDockerignore(".git\n").withContextEntries(Set.of(".git", "main.go", "go.mod"));
    assertThat(new ContextNotIgnored().check(input)).isEmpty();
  }

  @Test
  void withoutADockerignoreAllEntriesAreProposedWhateverTheContextHolds() {
    LintInput input = COPY_ALL.withContextEntries(Set.of("main.go", "go.mod"));
    Finding f = new ContextNotIgnored().check(input).get(0);
    assertThat(((Fix.Snippet) f.fix().orElseThrow()).text())
        .isEqualTo(".git\n.venv\nnode_modules\n**/__pycache__\n");
  }

  @Test
  void copiesOfNamedFilesNeedNoDockerignore() {
    LintInput input = LintInput.of(parse(lines("FROM python:3.12", "COPY app.py /app/")));
    assertThat(new ContextNotIgnored().check(input)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({
    ".git, .git, true",
    "**/.git, .git, true",
    ".git*, .git, true",
    "/.venv/, .venv, true",
    "*/node_modules, node_modules, false",
    "'.git\n!.git', .git, false",
    "src, src/app.py, true"
  })
  void dockerignorePatternsMatchAsBuildKitDoes(String patterns, String path, boolean excluded) {
    assertThat(DockerIgnore.parse(patterns).excludes(path)).isEqualTo(excluded);
  }

  @Test
  void theRuleIsOneOfTheStandardSet() {
    assertThat(RuleSet.standard().infos().stream().map(RuleInfo::id).toList()).contains("SB116");
    assertThat(ContextNotIgnored.ENTRIES)
        .isEqualTo(List.of(".git", ".venv", "node_modules", "__pycache__"));
  }
}
