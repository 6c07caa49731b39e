package dev.sizebot.rules;

import static dev.sizebot.rules.RuleCheck.findings;
import static dev.sizebot.rules.RuleCheck.fixResolves;
import static dev.sizebot.rules.RuleCheck.lines;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class BaseImageRulesTest {
  @ParameterizedTest
  @CsvSource({
    "FROM python, FROM python:3.13-slim",
    "FROM python:latest AS base, FROM python:3.13-slim AS base",
    "FROM --platform=linux/amd64 docker.io/library/node, FROM --platform=linux/amd64 docker.io/library/node:22-slim"
  })
  void untaggedOrLatestBasesAreFoundAndPinned(String from, String pinned) {
    String text = lines(from, "USER 1000");
    assertThat(findings(new UnpinnedBaseImage(), text))
        .singleElement()
        .extracting(Finding::ruleId)
        .isEqualTo("SB301");
    assertThat(fixResolves(new UnpinnedBaseImage(), text)).isEqualTo(lines(pinned, "USER 1000"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "FROM python:3.12",
        "FROM scratch",
        "FROM ghcr.io/acme/base@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
        "ARG BASE=python:3.12\nFROM ${BASE}"
      })
  void pinnedScratchOrVariableBasesAreFine(String from) {
    assertThat(findings(new UnpinnedBaseImage(), lines(from))).isEmpty();
  }

  @Test
  void aStageReferenceIsNotAnUntaggedImage() {
    String text = lines("FROM python:3.12 AS build", "FROM build");
    assertThat(findings(new UnpinnedBaseImage(), text)).isEmpty();
  }

  @Test
  void anUnknownUntaggedImageIsReportedWithoutAGuessedTag() {
    Finding f = findings(new UnpinnedBaseImage(), lines("FROM ghcr.io/acme/base")).get(0);
    assertThat(f.message()).isEqualTo("FROM ghcr.io/acme/base at line 1 has no tag");
    assertThat(f.fix()).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({
    "python, 3.12, 3.12-slim",
    "python, 3.12-bookworm, 3.12-slim-bookworm",
    "python, bookworm, slim-bookworm",
    "python, latest, slim",
    "ruby, 3.3-bullseye, 3.3-slim-bullseye",
    "node, 22, 22-slim",
    "node, 22-bookworm, 22-bookworm-slim",
    "debian, bookworm, bookworm-slim",
    "debian, 12, 12-slim",
    "debian, latest, stable-slim",
    "python, ${PY}, ${PY}-slim"
  })
  void slimTagsFollowEachImagesNaming(String image, String tag, String slim) {
    assertThat(SlimBaseImage.slimTag(image, tag)).contains(slim);
  }

  @ParameterizedTest
  @CsvSource({"python, 3.12-slim", "python, 3.12-alpine", "ubuntu, 24.04", "golang, 1.23"})
  void imagesWithoutASlimVariantOrAlreadySlimHaveNone(String image, String tag) {
    assertThat(SlimBaseImage.slimTag(image, tag)).isEqualTo(Optional.empty());
  }

  @Test
  void aFullBaseOfTheShippedStageIsFoundAndSlimmed() {
    String text =
        lines("ARG PY=3.12", "FROM python:${PY} AS base", "FROM base AS final", "USER 1000");
    Finding f = findings(new SlimBaseImage(), text).get(0);
    assertThat(f.location()).isEqualTo(LineRange.of(2));
    assertThat(fixResolves(new SlimBaseImage(), text)).contains("FROM python:${PY}-slim AS base\n");
  }

  @Test
  void aFullImageInABuilderStageIsFine() {
    String text = lines("FROM python:3.12 AS build", "FROM python:3.12-slim");
    assertThat(findings(new SlimBaseImage(), text)).isEmpty();
  }

  @Test
  void aFinalStageWithoutUserIsFoundAndGetsOneAfterItsLastBuildStep() {
    String text = lines("FROM python:3.12-slim", "COPY . /app", "EXPOSE 8000", "CMD [\"app\"]");
    Finding f = findings(new RootUser(), text).get(0);
    assertThat(f.message()).isEqualTo("the final stage (line 1) never sets a non-root USER");
    assertThat(fixResolves(new RootUser(), text))
        .isEqualTo(
            lines(
                "FROM python:3.12-slim",
                "COPY . /app",
                "USER 10001:10001",
                "EXPOSE 8000",
                "CMD [\"app\"]"));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "RUN useradd -l -u 123456 app | USER app",
        "RUN adduser -D -u 1000 web | USER web",
        "RUN useradd -m app -s /bin/sh | USER 10001:10001",
        "RUN useradd -u 1000 -g app -G wheel | USER 10001:10001",
      })
  void theFixRunsAsTheUserTheStageCreates(String run, String user) {
    String text = lines("FROM python:3.12-slim", run, "CMD [\"app\"]");
    assertThat(fixResolves(new RootUser(), text))
        .isEqualTo(lines("FROM python:3.12-slim", run, user, "CMD [\"app\"]"));
  }

  @Test
  void aLastUserRootIsFound() {
    String text = lines("FROM node:22-slim", "USER root", "RUN npm ci");
    assertThat(findings(new RootUser(), text).get(0).location()).isEqualTo(LineRange.of(2));
    assertThat(fixResolves(new RootUser(), text)).endsWith("RUN npm ci\nUSER node\n");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "FROM debian:12\nUSER app",
        "FROM debian:12 AS base\nUSER 1000:1000\nFROM base",
        "FROM gcr.io/distroless/static-debian12:nonroot"
      })
  void aNonRootFinalUserIsFine(String text) {
    assertThat(findings(new RootUser(), text + "\n")).isEmpty();
  }

  @Test
  void aNonRootUserInABuilderStageDoesNotCount() {
    String text = lines("FROM debian:12 AS build", "USER app", "FROM debian:12-slim");
    assertThat(findings(new RootUser(), text)).hasSize(1);
  }
}
