package dev.sizebot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LintCommandTest {
  @TempDir Path dir;

  private Path write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, text);
    return file;
  }

  @Test
  void aCleanDockerfileExitsZero() throws IOException {
    Path df = write("Dockerfile", "FROM debian:12-slim\nUSER 1000\n");
    MainTest.Result r = MainTest.run("lint", df.toString());
    assertThat(r.err()).isEmpty();
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("No findings ✅");
  }

  @Test
  void findingsAtTheFailSeverityExitOneAndBelowItZero() throws IOException {
    Path df =
        write("Dockerfile", "FROM debian:12-slim\nRUN apt-get update && apt-get install -y x\n");
    assertThat(MainTest.run("lint", df.toString()).code()).isEqualTo(1);
    assertThat(MainTest.run("lint", df.toString(), "--fail-on", "error").code()).isZero();
    assertThat(MainTest.run("lint", df.toString(), "--fail-on", "none").code()).isZero();
  }

  @Test
  void ignoredRulesAreNotReported() throws IOException {
    Path df = write("Dockerfile", "FROM debian:12-slim\n");
    MainTest.Result r =
        MainTest.run("lint", df.toString(), "--format", "json", "--ignore", "sb302");
    assertThat(r.code()).isZero();
    assertThat(r.out()).doesNotContain("SB302");
  }

  @Test
  void theContextsDockerignoreAndFilesAreRead() throws Exception {
    Path df =
        write(
            "Dockerfile",
            "FROM node:22-slim\nCOPY . .\nRUN npm ci --omit=dev && npm cache clean --force\nUSER node\n");
    write(".dockerignore", ".git\n");
    write("package.json", "{}");
    Files.createDirectory(dir.resolve("node_modules"));
    JsonNode json =
        new ObjectMapper().readTree(MainTest.run("lint", df.toString(), "--format", "json").out());
    assertThat(json.path("findings").findValuesAsText("ruleId")).containsExactly("SB116", "SB202");
    assertThat(json.path("findings").get(0).path("message").asText())
        .isEqualTo(
            "line 2 copies the whole context and .dockerignore does not exclude node_modules");
    assertThat(json.path("findings").get(1).path("fix").path("text").asText())
        .startsWith("COPY package.json ./\n");
  }

  @Test
  void sarifOutputIsValidJsonWithTheRuleCatalogue() throws Exception {
    Path df = write("Dockerfile", "FROM python\n");
    MainTest.Result r = MainTest.run("lint", df.toString(), "--format", "sarif");
    JsonNode sarif = new ObjectMapper().readTree(r.out());
    assertThat(sarif.path("runs").get(0).path("tool").path("driver").path("rules").size())
        .isGreaterThanOrEqualTo(15);
    assertThat(r.code()).isEqualTo(1);
  }

  @Test
  void inputErrorsAreOneLineAndExitTwo() throws IOException {
    Path df = write("Dockerfile", "FROM debian:12\n");
    MainTest.Result missing = MainTest.run("lint", dir.resolve("nope").toString());
    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.err().lines()).hasSize(1);
    assertThat(missing.err()).contains("no such file");
    MainTest.Result format = MainTest.run("lint", df.toString(), "--format", "xml");
    assertThat(format.code()).isEqualTo(2);
    assertThat(format.err())
        .isEqualTo(
            "sizebot: error: Invalid value for option '--format': expected one of [markdown, json,"
                + " sarif] (case-insensitive) but was 'xml' (see 'sizebot lint --help')\n");
    assertThat(MainTest.run("lint", df.toString(), "--fail-on", "fatal").code()).isEqualTo(2);
    MainTest.Result unknown = MainTest.run("lint", df.toString(), "--ignore", "SB999");
    assertThat(unknown.code()).isEqualTo(2);
    assertThat(unknown.err())
        .startsWith("sizebot: error: unknown rule id SB999 in the ignore list");
    MainTest.Result bad = MainTest.run("lint", write("Bad", "FROM a\nRUNN x\n").toString());
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err().lines()).hasSize(1);
    MainTest.Result noFrom = MainTest.run("lint", write("ArgOnly", "ARG X=1\n").toString());
    assertThat(noFrom.code()).isEqualTo(2);
    assertThat(noFrom.err())
        .endsWith("ArgOnly: no FROM instruction, so no stage to lint (add a FROM)\n");
    MainTest.Result context = MainTest.run("lint", df.toString(), "--context", "/nonexistent");
    assertThat(context.code()).isEqualTo(2);
  }

  @Test
  void aLineThatWouldNotBuildIsAnErrorFindingAndTheRestIsStillLinted() throws IOException {
    Path df =
        write(
            "Dockerfile",
            "CMD [\"/app\"]\nFROM debian:12\nCOPY --user=app . /app\n"
                + "RUN apt-get update && apt-get install -y curl\n");
    MainTest.Result r = MainTest.run("lint", df.toString(), "--format", "json");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).isEmpty();
    JsonNode findings = new ObjectMapper().readTree(r.out()).get("findings");
    List<String> seen = new java.util.ArrayList<>();
    findings.forEach(f -> seen.add(f.get("ruleId").asText() + "@" + f.get("lines").toString()));
    assertThat(seen)
        .containsExactly(
            "SB300@{\"start\":1,\"end\":1,\"startColumn\":1,\"endColumn\":4}",
            "SB114@{\"start\":2,\"end\":2}",
            "SB302@{\"start\":2,\"end\":2}",
            "SB300@{\"start\":3,\"end\":3,\"startColumn\":6,\"endColumn\":12}",
            "SB101@{\"start\":4,\"end\":4}",
            "SB102@{\"start\":4,\"end\":4}");
    assertThat(findings.get(0).at("/fix/text").asText())
        .isEqualTo("FROM debian:12\nCMD [\"/app\"]");
  }

  @Test
  void aFileWithoutFromButWithErrorsIsLintedNotRefused() throws IOException {
    Path df = write("Dockerfile", "CMD [\"/app\"]\n");
    MainTest.Result r = MainTest.run("lint", df.toString(), "--format", "json");
    assertThat(r.code()).isEqualTo(1);
    assertThat(new ObjectMapper().readTree(r.out()).at("/findings/0/ruleId").asText())
        .isEqualTo("SB300");
  }
}
