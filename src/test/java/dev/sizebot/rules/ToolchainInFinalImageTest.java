package dev.sizebot.rules;

import static dev.sizebot.rules.RuleCheck.findings;
import static dev.sizebot.rules.RuleCheck.fixResolves;
import static dev.sizebot.rules.RuleCheck.lines;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sizebot.common.ByteSize;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ToolchainInFinalImageTest {
  private static final String PYTHON =
      lines(
          "# syntax=docker/dockerfile:1",
          "ARG PY=3.12",
          "FROM python:${PY}",
          "ENV PYTHONUNBUFFERED=1",
          "WORKDIR /app",
          "RUN apt-get update \\",
          "    && apt-get install -y --no-install-recommends build-essential libpq-dev curl \\",
          "    && rm -rf /var/lib/apt/lists/*",
          "COPY requirements.txt .",
          "RUN pip install --no-cache-dir -r requirements.txt",
          "COPY . .",
          "RUN useradd -m app",
          "USER app",
          "EXPOSE 8000",
          "CMD [\"gunicorn\", \"app:app\"]");

  @Test
  void aSingleStageBuildWithCompilersIsFoundOverTheWholeStage() {
    Finding f = findings(new ToolchainInFinalImage(), PYTHON).get(0);
    assertThat(f.location()).isEqualTo(new LineRange(3, 15));
    assertThat(f.message())
        .isEqualTo("the only stage ships build tools: build-essential, libpq-dev");
  }

  @Test
  void theFixIsAMultiStageRewriteOfThisDockerfile() {
    assertThat(fixResolves(new ToolchainInFinalImage(), PYTHON))
        .isEqualTo(
            lines(
                "# syntax=docker/dockerfile:1",
                "ARG PY=3.12",
                "FROM python:${PY} AS build",
                "ENV PYTHONUNBUFFERED=1",
                "WORKDIR /app",
                "RUN apt-get update \\",
                "    && apt-get install -y --no-install-recommends build-essential libpq-dev curl \\",
                "    && rm -rf /var/lib/apt/lists/*",
                "COPY requirements.txt .",
                "RUN pip install --no-cache-dir -r requirements.txt",
                "COPY . .",
                "RUN useradd -m app",
                "",
                "FROM python:3.12-slim",
                "ENV PYTHONUNBUFFERED=1",
                "WORKDIR /app",
                "RUN useradd -m app",
                "RUN apt-get update \\",
                "    && apt-get install -y --no-install-recommends curl \\",
                "    && rm -rf /var/lib/apt/lists/*",
                "COPY --from=build /usr/local /usr/local",
                "COPY --from=build /app /app",
                "USER app",
                "EXPOSE 8000",
                "CMD [\"gunicorn\", \"app:app\"]"));
  }

  @Test
  void aGoBuildRunsOnASlimDebian() {
    String text =
        lines(
            "FROM golang:1.23",
            "WORKDIR /src",
            "COPY . .",
            "RUN go build -o /src/app .",
            "CMD [\"/src/app\"]");
    String fixed = fixResolves(new ToolchainInFinalImage(), text);
    assertThat(fixed)
        .contains(
            "FROM golang:1.23 AS build\n",
            "\nFROM debian:bookworm-slim\n",
            "COPY --from=build /src /src\n");
  }

  @ParameterizedTest
  @CsvSource({
    "maven:3.9-eclipse-temurin-21, eclipse-temurin:21-jre",
    "eclipse-temurin:17-jdk, eclipse-temurin:17-jre",
    "node:22, node:22-slim",
    "ubuntu:24.04, ubuntu:24.04"
  })
  void runtimeBasesDropTheBuildTools(String build, String runtime) {
    dev.sizebot.dockerfile.From from = RuleCheck.parse("FROM " + build + "\n").finalStage().from();
    assertThat(MultiStageRewrite.runtimeBase(from)).isEqualTo(runtime);
  }

  @Test
  void evidenceSumsTheToolchainInTheFinalImage() {
    FakeEvidence evidence =
        new FakeEvidence().present("/usr/lib/gcc", 150_000_000).present("/usr/include", 40_000_000);
    Finding f =
        findings(
                new ToolchainInFinalImage(),
                LintInput.of(RuleCheck.parse(PYTHON)).withEvidence(evidence))
            .get(0);
    assertThat(f.savings()).contains(ByteSize.of(190_000_000));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "FROM python:3.12-slim\nRUN pip install --no-cache-dir flask",
        "FROM golang:1.23 AS build\nRUN go build -o /app .\nFROM debian:12-slim\nCOPY --from=build /app /app",
        "FROM debian:12\nRUN apt-get install -y curl libpq5"
      })
  void runtimeOnlyOrMultiStageBuildsAreFine(String text) {
    assertThat(findings(new ToolchainInFinalImage(), text + "\n")).isEmpty();
  }

  @Test
  void evidenceNamesTheCompilerTheFinalImageStillHas() {
    FakeEvidence evidence =
        new FakeEvidence().present("/usr/bin/gcc", 1_000).present("/usr/lib/gcc", 7_000);
    Finding f =
        findings(
                new ToolchainInFinalImage(),
                LintInput.of(RuleCheck.parse("FROM debian:12\nRUN apt-get install -y gcc\n"))
                    .withEvidence(evidence))
            .get(0);
    assertThat(f.evidence())
        .contains(
            "/usr/bin/gcc present in the final image; toolchain directories hold 7.00 kB in the"
                + " final image");
    assertThat(f.savings()).contains(ByteSize.of(7_000));
  }

  @Test
  void aCompilerAloneIsEvidenceWithoutASaving() {
    FakeEvidence evidence = new FakeEvidence().present("/usr/bin/gcc", 1_000);
    Finding f =
        findings(
                new ToolchainInFinalImage(),
                LintInput.of(RuleCheck.parse("FROM debian:12\nRUN apt-get install -y gcc\n"))
                    .withEvidence(evidence))
            .get(0);
    assertThat(f.evidence()).contains("/usr/bin/gcc present in the final image");
    assertThat(f.savings()).isEmpty();
  }
}
