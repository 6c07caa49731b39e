package dev.sizebot.rules;

import static dev.sizebot.rules.RuleCheck.findings;
import static dev.sizebot.rules.RuleCheck.fixResolves;
import static dev.sizebot.rules.RuleCheck.lines;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HygieneRulesTest {
  private static final String BUILDKIT =
      lines(
          "# syntax=docker/dockerfile:1.7",
          "FROM python:3.12-slim",
          "COPY --link requirements.txt .",
          "RUN pip install --no-cache-dir -r requirements.txt");

  @Test
  void aBuildKitFileIsToldToUseCacheMounts() {
    Finding f = findings(new CacheMountSuggested(), BUILDKIT).get(0);
    assertThat(f.message())
        .isEqualTo("pip at line 4 could keep its cache in a BuildKit cache mount");
    assertThat(fixResolves(new CacheMountSuggested(), BUILDKIT))
        .endsWith(
            "RUN --mount=type=cache,target=/root/.cache/pip pip install -r requirements.txt\n");
  }

  @Test
  void theCacheMountFixAlsoSatisfiesThePipCacheRule() {
    String fixed = RuleCheck.fixed(new CacheMountSuggested(), BUILDKIT);
    assertThat(findings(new PipCacheLeft(), fixed)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "FROM python:3.12-slim\nRUN pip install -r requirements.txt",
        "# syntax=docker/dockerfile:1\nFROM python:3.12\n"
            + "RUN --mount=type=cache,target=/root/.cache/pip pip install -r r.txt",
        "# syntax=docker/dockerfile:1\nFROM node:22\nRUN npm ci && npm cache clean --force",
        "# syntax=docker/dockerfile:1\nFROM golang:1.23\n"
            + "RUN --mount=type=cache,target=/go/pkg/mod go mod download"
      })
  void classicFilesOrCoveredCachesGetNoSuggestion(String text) {
    assertThat(findings(new CacheMountSuggested(), text + "\n")).isEmpty();
  }

  @Test
  void goGetsItsModuleCacheMounted() {
    String text = lines("# syntax=docker/dockerfile:1", "FROM golang:1.23", "RUN go build ./...");
    assertThat(fixResolves(new CacheMountSuggested(), text))
        .endsWith("RUN --mount=type=cache,target=/go/pkg/mod go build ./...\n");
  }

  @Test
  void unpinnedBuildToolsAreFoundAndPinned() {
    String text =
        lines("FROM python:3.12", "RUN pip install --no-cache-dir poetry && npm install -g yarn");
    Finding f = findings(new UnpinnedBuildTool(), text).get(0);
    assertThat(f.message()).isEqualTo("line 2 installs poetry, yarn without a version");
    assertThat(f.seeAlso()).containsExactly("DL3013", "DL3016");
    assertThat(fixResolves(new UnpinnedBuildTool(), text))
        .contains("RUN pip install --no-cache-dir poetry==2.1.3 && npm install -g yarn@1.22.22");
  }

  @Test
  void upgradingPipItselfPinsTheArgumentNotTheProgram() {
    String text = lines("FROM python:3.12", "RUN pip install --upgrade pip");
    assertThat(fixResolves(new UnpinnedBuildTool(), text))
        .contains("RUN pip install --upgrade pip==25.1.1\n");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "RUN pip install poetry==2.1.3",
        "RUN pip install 'uv>=0.7,<0.8'",
        "RUN npm install -g pnpm@10",
        "RUN pip install flask",
        "RUN npm install yarn"
      })
  void pinnedOrOrdinaryPackagesAreFine(String run) {
    assertThat(findings(new UnpinnedBuildTool(), lines("FROM python:3.12", run))).isEmpty();
  }

  @Test
  void anUnknownToolIsReportedWithoutAGuessedVersion() {
    String text = lines("FROM python:3.12", "RUN pip install pipenv");
    assertThat(findings(new UnpinnedBuildTool(), text).get(0).fix()).isEmpty();
  }

  @Test
  void aRunThatOnlyChangesDirectoryOrEnvironmentIsFoundAndFixed() {
    String text = lines("FROM debian:12", "RUN cd /srv/app && export MODE=prod", "RUN make");
    Finding f = findings(new ShellStateOnly(), text).get(0);
    assertThat(f.message())
        .isEqualTo("RUN at line 2 only runs cd, export; its effect ends with the RUN");
    assertThat(fixResolves(new ShellStateOnly(), text))
        .isEqualTo(lines("FROM debian:12", "WORKDIR /srv/app", "ENV MODE=prod", "RUN make"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"RUN cd /app && make", "RUN export A=1 && ./build.sh", "RUN [\"make\", \"/app\"]"})
  void runsThatDoSomethingAreFine(String run) {
    assertThat(findings(new ShellStateOnly(), lines("FROM debian:12", run))).isEmpty();
  }

  @Test
  void aSourceAloneIsReportedWithoutAFix() {
    String text = lines("FROM debian:12", "RUN . /etc/profile");
    assertThat(findings(new ShellStateOnly(), text).get(0).fix()).isEmpty();
  }
}
