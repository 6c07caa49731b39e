package dev.sizebot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParseCommandTest {
  @TempDir Path dir;

  private Path write(String text) throws IOException {
    Path file = dir.resolve("Dockerfile");
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }

  @Test
  void printsTheParseTreeAsJson() throws IOException {
    Path file =
        write(
            "# syntax=docker/dockerfile:1\nARG TAG=3.20\nFROM alpine:$TAG AS base\n"
                + "COPY --from=base --chown=1:1 a /b\nRUN apk add --no-cache curl && rm -rf /x\n");
    MainTest.Result r = MainTest.run("parse", file.toString());
    assertThat(r.code()).isZero();
    assertThat(r.err()).isEmpty();
    JsonNode json = new ObjectMapper().readTree(r.out());
    assertThat(json.get("file").asText()).isEqualTo(file.toString());
    assertThat(json.at("/directives/0/name").asText()).isEqualTo("syntax");
    assertThat(json.at("/globalArgs/0/expanded/entries/0/default").asText()).isEqualTo("3.20");
    JsonNode stage = json.at("/stages/0");
    assertThat(stage.get("name").asText()).isEqualTo("base");
    assertThat(stage.get("baseImage").asText()).isEqualTo("alpine:3.20");
    JsonNode copy = stage.at("/instructions/0");
    assertThat(copy.get("keyword").asText()).isEqualTo("copy");
    assertThat(copy.get("flags").toString()).isEqualTo("[\"--from=base\",\"--chown=1:1\"]");
    assertThat(copy.get("args").toString()).isEqualTo("[\"a\",\"/b\"]");
    assertThat(copy.get("json").asBoolean()).isFalse();
    assertThat(copy.at("/range/startLine").asInt()).isEqualTo(4);
    JsonNode run = stage.at("/instructions/1");
    assertThat(run.at("/expanded/commands/1/words").toString())
        .isEqualTo("[\"rm\",\"-rf\",\"/x\"]");
  }

  @Test
  void buildArgsOverrideDefaults() throws IOException {
    Path file = write("ARG TAG=3.20\nFROM alpine:$TAG\n");
    MainTest.Result r = MainTest.run("parse", "--build-arg", "TAG=edge", file.toString());
    assertThat(r.code()).isZero();
    assertThat(new ObjectMapper().readTree(r.out()).at("/stages/0/baseImage").asText())
        .isEqualTo("alpine:edge");
  }

  @Test
  void aMissingFileIsOneLineAndExitTwo() {
    MainTest.Result r = MainTest.run("parse", dir.resolve("nope").toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err().lines()).hasSize(1);
    assertThat(r.err()).contains("nope: no such file");
  }

  @Test
  void aDirectoryIsOneLineAndExitTwo() {
    MainTest.Result r = MainTest.run("parse", dir.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err().lines()).hasSize(1);
    assertThat(r.err()).contains("cannot read");
  }

  @Test
  void aParseErrorNamesFileAndLineAndExitsTwo() throws IOException {
    Path file = write("FROM alpine\nRUN echo \\\n  ok\nRUNN typo\n");
    MainTest.Result r = MainTest.run("parse", file.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err().lines()).hasSize(1);
    assertThat(r.err()).startsWith("sizebot: error: " + file + ":4: unknown instruction: RUNN");
  }

  @Test
  void nonUtf8InputIsRejectedClearly() throws IOException {
    Path file = dir.resolve("Dockerfile");
    Files.write(file, new byte[] {'F', 'R', 'O', 'M', ' ', (byte) 0xff, '\n'});
    MainTest.Result r = MainTest.run("parse", file.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("not UTF-8");
  }

  @Test
  void anInstructionThatWouldNotBuildKeepsTheWholeModelAndExitsTwo() throws IOException {
    Path file = write("CMD [\"/app\"]\nFROM alpine\nCOPY --user=app . /app\nRUN make\n");
    MainTest.Result r = MainTest.run("parse", file.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err())
        .isEqualTo(
            "sizebot: error: "
                + file
                + ":1:1: CMD before the first FROM: only ARG may come before FROM (and 1 more);"
                + " the build would stop there (the model on stdout lists every error under"
                + " \"errors\")\n");
    JsonNode json = new ObjectMapper().readTree(r.out());
    assertThat(json.at("/beforeFirstFrom/0/errors/0/fix").asText())
        .isEqualTo("move CMD after the first FROM");
    JsonNode copy = json.at("/stages/0/instructions/0");
    assertThat(copy.get("flags").toString()).isEqualTo("[\"--user=app\"]");
    assertThat(copy.has("expanded")).isFalse();
    assertThat(copy.at("/errors/0").toString())
        .isEqualTo(
            "{\"message\":\"unknown flag: user (COPY accepts --chmod, --chown, --exclude, --from,"
                + " --link, --parents)\",\"line\":3,\"column\":6,\"endLine\":3,\"endColumn\":12}");
    assertThat(json.at("/stages/0/instructions/1/expanded/commands/0/words").toString())
        .isEqualTo("[\"make\"]");
  }

  @Test
  void anOnbuildTriggerThatFailsOnlyInChildBuildsIsReportedButExitsZero() throws IOException {
    Path file = write("FROM alpine\nONBUILD COPY --user=app . /app\n");
    MainTest.Result r = MainTest.run("parse", file.toString());
    assertThat(r.code()).isZero();
    assertThat(r.err()).isEmpty();
    JsonNode error = new ObjectMapper().readTree(r.out()).at("/stages/0/instructions/0/errors/0");
    assertThat(error.get("inChildBuild").asBoolean()).isTrue();
    assertThat(error.get("column").asInt()).isEqualTo(14);
  }

  @Test
  void formatJsonIsAcceptedInAnyCaseAndIsTheDefault() throws IOException {
    Path file = write("FROM alpine\n");
    String plain = MainTest.run("parse", file.toString()).out();
    MainTest.Result json = MainTest.run("parse", "--format", "json", file.toString());
    assertThat(json.code()).isZero();
    assertThat(json.out()).isEqualTo(plain);
    assertThat(MainTest.run("parse", "--format", "JSON", file.toString()).out()).isEqualTo(plain);
  }

  @Test
  void anotherFormatIsOneLineAndExitTwo() throws IOException {
    Path file = write("FROM alpine\n");
    MainTest.Result r = MainTest.run("parse", "--format", "yaml", file.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err())
        .isEqualTo(
            "sizebot: error: Invalid value for option '--format': expected one of [json]"
                + " (case-insensitive) but was 'yaml' (see 'sizebot parse --help')\n");
  }
}
