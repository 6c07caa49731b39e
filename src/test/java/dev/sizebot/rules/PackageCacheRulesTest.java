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

class PackageCacheRulesTest {
  @Test
  void apkAddWithoutNoCacheIsFoundAndFixed() {
    String text = lines("FROM alpine:3.20", "RUN apk add curl && apk add --virtual .b gcc");
    assertThat(findings(new ApkCacheLeft(), text))
        .singleElement()
        .extracting(Finding::ruleId)
        .isEqualTo("SB103");
    assertThat(fixResolves(new ApkCacheLeft(), text))
        .isEqualTo(
            lines(
                "FROM alpine:3.20",
                "RUN apk add --no-cache curl && apk add --no-cache --virtual .b gcc"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "RUN apk add --no-cache curl",
        "RUN apk add curl && rm -rf /var/cache/apk/*",
        "RUN --mount=type=cache,target=/var/cache/apk apk add curl",
        "RUN --mount=type=cache,target=/var/cache/apk apk update && apk add curl",
        "RUN apk update && apk add curl && rm -rf /var/cache/apk/*",
        "RUN apk --no-cache add curl",
        "RUN echo apk update"
      })
  void apkWithoutALeftCacheIsFine(String run) {
    assertThat(findings(new ApkCacheLeft(), lines("FROM alpine:3.20", run))).isEmpty();
  }

  @Test
  void apkUpdateLeavesTheIndexAndTheFixDropsIt() {
    String text = lines("FROM alpine:3.20", "RUN apk update && apk add --no-cache git");
    Finding f = findings(new ApkCacheLeft(), text).get(0);
    assertThat(f.message())
        .isEqualTo("apk update at line 2 leaves the package index in /var/cache/apk");
    assertThat(f.fix().orElseThrow().description())
        .isEqualTo("drop apk update and use apk add --no-cache");
    assertThat(fixResolves(new ApkCacheLeft(), text))
        .isEqualTo(lines("FROM alpine:3.20", "RUN apk add --no-cache git"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "RUN apk update && apk add git                         | RUN apk add --no-cache git",
        "RUN apk -q update; apk add --virtual .b gcc           | RUN apk add --no-cache --virtual .b gcc",
        "RUN apk add git && apk update                         | RUN apk add --no-cache git",
        "RUN set -eux && apk update && apk add git && git --version"
            + " | RUN set -eux && apk add --no-cache git && git --version",
      })
  void apkUpdateIsDroppedWhereverItStands(String run, String fixed) {
    String text = lines("FROM alpine:3.20", run.strip());
    assertThat(findings(new ApkCacheLeft(), text).get(0).message())
        .isEqualTo(
            "apk update at line 2 leaves the package index in /var/cache/apk, and apk add runs"
                + " without --no-cache");
    assertThat(fixResolves(new ApkCacheLeft(), text)).isEqualTo(lines("FROM alpine:3.20", fixed));
  }

  @Test
  void apkUpdateOnAContinuationLineIsDroppedWithTheLineBreak() {
    String text =
        lines(
            "FROM alpine:3.20",
            "RUN apk update \\",
            "    && apk add --no-cache curl \\",
            "    && curl --version");
    assertThat(fixResolves(new ApkCacheLeft(), text))
        .isEqualTo(
            lines("FROM alpine:3.20", "RUN apk add --no-cache curl \\", "    && curl --version"));
  }

  @Test
  void aLoneApkUpdateIsReportedWithoutAFixThatWouldEmptyTheRun() {
    Finding f = findings(new ApkCacheLeft(), lines("FROM alpine:3.20", "RUN apk update")).get(0);
    assertThat(f.message())
        .isEqualTo("apk update at line 2 leaves the package index in /var/cache/apk");
    assertThat(f.fix()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"yum", "dnf", "microdnf", "zypper"})
  void rpmInstallsWithoutCleanAreFoundAndFixed(String tool) {
    String text = lines("FROM fedora:40", "RUN " + tool + " install -y gcc");
    Finding f = findings(new RpmCacheLeft(), text).get(0);
    assertThat(f.message())
        .isEqualTo(tool + " installs at line 2 without '" + tool + " clean' in the same RUN");
    assertThat(fixResolves(new RpmCacheLeft(), text)).contains(tool + " clean");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "RUN dnf install -y gcc && dnf clean all",
        "RUN yum install -y gcc && rm -rf /var/cache/yum",
        "RUN --mount=type=cache,target=/var/cache/dnf dnf install -y gcc",
        "RUN dnf --version"
      })
  void rpmInstallsThatCleanAreFine(String run) {
    assertThat(findings(new RpmCacheLeft(), lines("FROM fedora:40", run))).isEmpty();
  }

  @Test
  void pipInstallWithoutNoCacheDirIsFoundFixedAndSized() {
    String text = lines("FROM python:3.12-slim", "RUN python -m pip install -r requirements.txt");
    FakeEvidence evidence = new FakeEvidence().layer(2, "/root/.cache/pip", 12_000_000);
    Finding f =
        findings(new PipCacheLeft(), LintInput.of(RuleCheck.parse(text)).withEvidence(evidence))
            .get(0);
    assertThat(f.savings()).contains(ByteSize.of(12_000_000));
    assertThat(fixResolves(new PipCacheLeft(), text))
        .contains("RUN python -m pip install --no-cache-dir -r requirements.txt");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "RUN pip install --no-cache-dir flask",
        "RUN PIP_NO_CACHE_DIR=1 pip install flask",
        "RUN --mount=type=cache,target=/root/.cache pip install flask",
        "RUN uv pip install flask --no-cache",
        "RUN pip freeze"
      })
  void pipWithoutACacheIsFine(String run) {
    assertThat(findings(new PipCacheLeft(), lines("FROM python:3.12", run))).isEmpty();
  }

  @Test
  void pipCacheDisabledByEnvIsFine() {
    String text = lines("FROM python:3.12", "ENV PIP_NO_CACHE_DIR=1", "RUN pip3 install flask");
    assertThat(findings(new PipCacheLeft(), text)).isEmpty();
  }

  @Test
  void uvWithoutNoCacheIsFoundAndFixed() {
    String text = lines("FROM python:3.12-slim", "RUN uv sync --frozen && uv pip install x");
    assertThat(findings(new UvCacheLeft(), text)).hasSize(1);
    assertThat(fixResolves(new UvCacheLeft(), text))
        .contains("RUN uv sync --no-cache --frozen && uv pip install --no-cache x");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "RUN uv sync --no-cache",
        "RUN UV_NO_CACHE=1 uv sync",
        "RUN --mount=type=cache,target=/root/.cache/uv uv sync",
        "RUN uv --version"
      })
  void uvWithoutACacheIsFine(String run) {
    assertThat(findings(new UvCacheLeft(), lines("FROM python:3.12", run))).isEmpty();
  }

  @Test
  void pythonDevDependenciesAreFoundAndFixed() {
    String uv = lines("FROM python:3.12-slim", "RUN uv sync --frozen");
    String poetry = lines("FROM python:3.12-slim", "RUN poetry install --no-root");
    assertThat(findings(new PythonDevDependencies(), uv)).hasSize(1);
    assertThat(fixResolves(new PythonDevDependencies(), uv))
        .contains("RUN uv sync --no-dev --frozen");
    assertThat(fixResolves(new PythonDevDependencies(), poetry))
        .contains("RUN poetry install --only main --no-root");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "RUN uv sync --no-dev",
        "RUN poetry install --without dev,test",
        "RUN poetry install --only=main",
        "RUN poetry install --without=dev",
        "RUN poetry build"
      })
  void pythonInstallsWithoutDevAreFine(String run) {
    assertThat(findings(new PythonDevDependencies(), lines("FROM python:3.12", run))).isEmpty();
  }

  @Test
  void devDependenciesOfABuilderStageAreFine() {
    String text = lines("FROM python:3.12 AS build", "RUN uv sync", "FROM python:3.12-slim");
    assertThat(findings(new PythonDevDependencies(), text)).isEmpty();
  }

  @Test
  void npmDevDependenciesAreFoundAndFixed() {
    String text = lines("FROM node:22-slim", "RUN npm ci");
    assertThat(findings(new NpmDevDependencies(), text)).hasSize(1);
    assertThat(fixResolves(new NpmDevDependencies(), text)).contains("RUN npm ci --omit=dev");
  }

  @Test
  void npmBuildingInTheSameRunIsFixedByPruning() {
    String text = lines("FROM node:22-slim", "RUN npm ci && npm run build");
    assertThat(fixResolves(new NpmDevDependencies(), text))
        .isEqualTo(
            lines(
                "FROM node:22-slim",
                "RUN npm ci && npm run build \\",
                "    && npm prune --omit=dev"));
  }

  @Test
  void aBuildInALaterRunGetsAdviceButNoPatchThatWouldBreakIt() {
    String text = lines("FROM node:22-slim", "RUN npm install", "RUN npm run build");
    Finding f = findings(new NpmDevDependencies(), text).get(0);
    assertThat(f.message())
        .isEqualTo(
            "npm at line 2 installs devDependencies that a later RUN builds with; build in"
                + " a separate stage and install with --omit=dev in the runtime stage");
    assertThat(f.fix()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "RUN npm ci --omit=dev",
        "RUN npm install --production",
        "RUN npm install -g pnpm@9",
        "RUN npm install express",
        "RUN NODE_ENV=production npm ci"
      })
  void npmInstallsWithoutDevAreFine(String run) {
    assertThat(findings(new NpmDevDependencies(), lines("FROM node:22", run))).isEmpty();
  }

  @Test
  void nodeEnvProductionOmitsDevDependencies() {
    String text = lines("FROM node:22", "ENV NODE_ENV=production", "RUN npm ci");
    assertThat(findings(new NpmDevDependencies(), text)).isEmpty();
  }

  @Test
  void npmAndYarnCachesAreFoundAndFixed() {
    String npm = lines("FROM node:22-slim", "RUN npm ci --omit=dev");
    String yarn = lines("FROM node:22-slim", "RUN yarn install --frozen-lockfile");
    assertThat(findings(new NodeCacheLeft(), npm))
        .singleElement()
        .extracting(Finding::message)
        .isEqualTo("install at line 2 keeps /root/.npm (no 'npm cache clean --force')");
    assertThat(fixResolves(new NodeCacheLeft(), npm)).contains("&& npm cache clean --force");
    assertThat(fixResolves(new NodeCacheLeft(), yarn)).contains("&& yarn cache clean");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "RUN npm ci && npm cache clean --force",
        "RUN --mount=type=cache,target=/root/.npm npm ci",
        "RUN yarn install && yarn cache clean",
        "RUN npm run build"
      })
  void nodeInstallsWithoutALeftCacheAreFine(String run) {
    assertThat(findings(new NodeCacheLeft(), lines("FROM node:22", run))).isEmpty();
  }
}
