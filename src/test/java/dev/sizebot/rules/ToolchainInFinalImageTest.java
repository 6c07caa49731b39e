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
        .isEqualTo(
            "the only stage ships build tools: build-essential, libpq-dev; a runtime stage still"
                + " needs the libraries they link: libpq5 (for libpq-dev)");
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
                "# runtime libraries for the build stage's -dev packages: libpq5 (for libpq-dev)",
                "RUN apt-get update \\",
                "    && apt-get install -y --no-install-recommends curl libpq5 \\",
                "    && rm -rf /var/lib/apt/lists/*",
                "COPY --from=build /usr/local /usr/local",
                "COPY --from=build /app /app",
                "USER app",
                "EXPOSE 8000",
                "CMD [\"gunicorn\", \"app:app\"]"));
  }

  @Test
  void runtimeLibrariesWithoutAKnownPackageAreNamedByTheirDevPackage() {
    String text =
        lines(
            "FROM python:3.12",
            "RUN apt-get update && apt-get install -y gcc libgdal-dev libxml2-dev libc6-dev"
                + " && rm -rf /var/lib/apt/lists/*",
            "CMD [\"python\", \"app.py\"]");
    assertThat(findings(new ToolchainInFinalImage(), text).get(0).message())
        .isEqualTo(
            "the only stage ships build tools: gcc, libgdal-dev, libxml2-dev, libc6-dev; a runtime"
                + " stage still needs the libraries they link: the runtime package of libgdal-dev,"
                + " libxml2 (for libxml2-dev)");
    assertThat(fixResolves(new ToolchainInFinalImage(), text))
        .contains(
            "\n# runtime libraries for the build stage's -dev packages: the runtime package of"
                + " libgdal-dev, libxml2 (for libxml2-dev)\n"
                + "RUN apt-get update \\\n"
                + "    && apt-get install -y --no-install-recommends libxml2 \\\n");
  }

  @Test
  void alpineDevPackagesGetAlpineRuntimePackages() {
    String text =
        lines(
            "FROM python:3.12-alpine",
            "RUN apk add --no-cache build-base postgresql-dev",
            "CMD [\"python\", \"app.py\"]");
    assertThat(fixResolves(new ToolchainInFinalImage(), text))
        .contains(
            "# runtime libraries for the build stage's -dev packages: libpq (for"
                + " postgresql-dev)\nRUN apk add --no-cache libpq\n");
  }

  @Test
  void withoutDevPackagesNoRuntimeLibrariesAreMentioned() {
    String text = lines("FROM debian:12", "RUN apt-get install -y gcc", "CMD [\"/app\"]");
    assertThat(findings(new ToolchainInFinalImage(), text).get(0).message())
        .isEqualTo("the only stage ships build tools: gcc");
    assertThat(fixResolves(new ToolchainInFinalImage(), text)).doesNotContain("runtime libraries");
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
    "eclipse-temurin:21, eclipse-temurin:21-jre",
    "amazoncorretto:17-alpine, eclipse-temurin:17-jre",
    "openjdk:11, eclipse-temurin:11-jre",
    "node:22, node:22-slim",
    "ubuntu:24.04, ubuntu:24.04"
  })
  void runtimeBasesDropTheBuildTools(String build, String runtime) {
    dev.sizebot.dockerfile.From from = RuleCheck.parse("FROM " + build + "\n").finalStage().from();
    assertThat(MultiStageRewrite.runtimeBase(from)).isEqualTo(runtime);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "eclipse-temurin:21, JDK image",
    "eclipse-temurin, JDK image",
    "eclipse-temurin:21-jdk-alpine, JDK image",
    "amazoncorretto:21, JDK image",
    "amazoncorretto:17-al2023-headless, JDK image",
    "openjdk:17-slim, JDK image",
    "sapmachine:21, JDK image",
    "docker.io/library/eclipse-temurin:21, JDK image",
    "maven:3.9-eclipse-temurin-21, maven image",
    "gradle:8-jdk21, gradle image",
  })
  void jdkAndJavaBuildImagesAreBuildTools(String image, String tool) {
    String text =
        lines("FROM " + image, "COPY app.jar /app.jar", "CMD [\"java\", \"-jar\", \"/app.jar\"]");
    assertThat(findings(new ToolchainInFinalImage(), text).get(0).message())
        .isEqualTo("the only stage ships build tools: " + tool);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "eclipse-temurin:21-jre",
        "eclipse-temurin:21-jre-alpine",
        "amazoncorretto:8-al2023-jre",
        "openjdk:8-jre",
        "ibm-semeru-runtimes:open-21-jre",
        "eclipse-temurin:21.0.5_11-jre-noble"
      })
  void jreImagesAreRuntimes(String image) {
    String text =
        lines("FROM " + image, "COPY app.jar /app.jar", "CMD [\"java\", \"-jar\", \"/app.jar\"]");
    assertThat(findings(new ToolchainInFinalImage(), text)).isEmpty();
  }

  @Test
  void aTemurinJdkBuildIsRewrittenOntoItsJre() {
    String text =
        lines(
            "FROM eclipse-temurin:21",
            "WORKDIR /app",
            "COPY . .",
            "RUN ./mvnw -q package",
            "CMD [\"java\", \"-jar\", \"target/app.jar\"]");
    assertThat(fixResolves(new ToolchainInFinalImage(), text))
        .contains("FROM eclipse-temurin:21 AS build\n", "\nFROM eclipse-temurin:21-jre\n");
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
