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

  @Test
  void bothSummariesCountBytesSeveralFindingsProveOnce() throws Exception {
    var lists =
        dev.sizebot.rules.ShippedBytes.of(
            2, dev.sizebot.common.UnixPath.of("/var/lib/apt/lists/p"), 40_000);
    var cache =
        dev.sizebot.rules.ShippedBytes.of(
            2, dev.sizebot.common.UnixPath.of("/var/cache/apt/pkgcache.bin"), 25_000);
    var left =
        LintSamples.APT_LISTS
            .at(dev.sizebot.rules.LineRange.of(2), "lists left")
            .withEvidence(lists, "lists");
    var overwritten =
        LintSamples.APT_LISTS
            .at(dev.sizebot.rules.LineRange.of(2), "overwritten")
            .withEvidence(
                dev.sizebot.rules.ShippedBytes.union(java.util.List.of(lists, cache)), "both");
    var result =
        new dev.sizebot.rules.LintResult(
            "Dockerfile",
            java.util.List.of(LintSamples.APT_LISTS),
            java.util.List.of(left, overwritten));
    assertThat(LintMarkdown.render(result))
        .contains("**2 findings**: 0 errors · 2 warnings · 0 info — could save ~65.0 kB\n");
    JsonNode json = new ObjectMapper().readTree(LintJson.render(result));
    assertThat(json.path("summary").path("savingsBytes").asLong()).isEqualTo(65_000);
    assertThat(json.path("findings").get(0).path("savingsBytes").asLong()).isEqualTo(40_000);
    assertThat(json.path("findings").get(1).path("savingsBytes").asLong()).isEqualTo(65_000);
  }
}
