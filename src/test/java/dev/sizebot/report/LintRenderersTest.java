package dev.sizebot.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class LintRenderersTest {
  @Test
  void markdownMatchesItsGoldenFile() {
    GoldenFile.assertMatches(
        "dev/sizebot/report/lint/sample.md", LintMarkdown.render(LintSamples.sample()));
  }

  @Test
  void markdownOfACleanDockerfileSaysSo() {
    GoldenFile.assertMatches(
        "dev/sizebot/report/lint/clean.md", LintMarkdown.render(LintSamples.clean()));
  }

  @Test
  void jsonMatchesItsGoldenFile() {
    GoldenFile.assertMatches(
        "dev/sizebot/report/lint/sample.json", LintJson.render(LintSamples.sample()));
  }

  @Test
  void sarifMatchesItsGoldenFile() {
    GoldenFile.assertMatches(
        "dev/sizebot/report/lint/sample.sarif", Sarif.render(LintSamples.sample(), "0.0.0-test"));
  }

  private static dev.sizebot.rules.LintResult lintedFixture() throws Exception {
    String text =
        java.nio.file.Files.readString(
            java.nio.file.Path.of(
                "src/test/resources/dev/sizebot/report/lint/python-app.Dockerfile"));
    dev.sizebot.rules.LintInput input =
        dev.sizebot.rules.LintInput.of(
                dev.sizebot.dockerfile.Dockerfile.parse(text, "python-app.Dockerfile"))
            .withDockerignore(".git\n")
            .withContextEntries(java.util.Set.of(".git", ".venv", "requirements.txt", "app"));
    return dev.sizebot.rules.RuleSet.standard()
        .lint(input, "docker/python-app.Dockerfile", java.util.Set.of());
  }

  @Test
  void aRealLintRendersToItsGoldenMarkdown() throws Exception {
    GoldenFile.assertMatches(
        "dev/sizebot/report/lint/python-app.md", LintMarkdown.render(lintedFixture()));
  }

  @Test
  void aRealLintRendersToItsGoldenJson() throws Exception {
    GoldenFile.assertMatches(
        "dev/sizebot/report/lint/python-app.json", LintJson.render(lintedFixture()));
  }

  @Test
  void aRealLintRendersToItsGoldenSarif() throws Exception {
    GoldenFile.assertMatches(
        "dev/sizebot/report/lint/python-app.sarif", Sarif.render(lintedFixture(), "0.0.0-test"));
  }

  @Test
  void markdownEscapesTextFromTheDockerfile() {
    String md = LintMarkdown.render(LintSamples.sample());
    assertThat(md).doesNotContain(" <img").contains(" \\<img").contains("@\u200dteam");
    // The snippet holds a ``` run, so its fence must be longer.
    assertThat(md).contains("````gitignore\n.git\n.venv\n```\n````\n");
  }

  @Test
  void sarifHasTheShapeCodeScanningReads() throws Exception {
    JsonNode sarif = new ObjectMapper().readTree(Sarif.render(LintSamples.sample(), "0.0.0-test"));
    assertThat(sarif.path("version").asText()).isEqualTo("2.1.0");
    JsonNode run = sarif.path("runs").get(0);
    assertThat(run.path("tool").path("driver").path("rules")).hasSize(3);
    JsonNode first = run.path("results").get(0);
    assertThat(first.path("ruleId").asText()).isEqualTo("SB301");
    assertThat(first.path("ruleIndex").asInt()).isEqualTo(1);
    assertThat(first.path("level").asText()).isEqualTo("error");
    JsonNode location = first.path("locations").get(0).path("physicalLocation");
    assertThat(location.path("artifactLocation").path("uri").asText())
        .isEqualTo("docker/my%20app/Dockerfile");
    assertThat(location.path("region").path("startLine").asInt()).isEqualTo(1);
    assertThat(run.path("results").get(2).has("fixes"))
        .as("snippets are not SARIF fixes")
        .isFalse();
  }

  @Test
  void sarifLevelsFollowTheSpecNames() {
    assertThat(Sarif.level(dev.sizebot.rules.Severity.INFO)).isEqualTo("note");
  }
}
