package dev.sizebot.rules;

import static dev.sizebot.rules.RuleCheck.findings;
import static dev.sizebot.rules.RuleCheck.fixResolves;
import static dev.sizebot.rules.RuleCheck.lines;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CacheRulesTest {
  @Test
  void updateAloneIsFoundAndMovedIntoTheInstall() {
    String text =
        lines(
            "FROM debian:12-slim",
            "RUN apt-get update",
            "ENV DEBIAN_FRONTEND=noninteractive",
            "RUN apt-get install -y --no-install-recommends curl \\",
            "    && rm -rf /var/lib/apt/lists/*");
    Finding f = findings(new AptUpdateAlone(), text).get(0);
    assertThat(f.location()).isEqualTo(LineRange.of(2));
    assertThat(f.seeAlso()).containsExactly("DS017");
    assertThat(fixResolves(new AptUpdateAlone(), text))
        .isEqualTo(
            lines(
                "FROM debian:12-slim",
                "ENV DEBIAN_FRONTEND=noninteractive",
                "RUN apt-get update \\",
                "    && apt-get install -y --no-install-recommends curl \\",
                "    && rm -rf /var/lib/apt/lists/*"));
  }

  @Test
  void updateAloneWithoutALaterInstallHasNoFix() {
    String text = lines("FROM debian:12", "RUN apt-get update");
    assertThat(findings(new AptUpdateAlone(), text).get(0).fix()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"RUN apt-get update && apt-get install -y x", "RUN apt-get install -y x"})
  void updateWithItsInstallIsFine(String run) {
    assertThat(findings(new AptUpdateAlone(), lines("FROM debian:12", run))).isEmpty();
  }

  private static final String NODE =
      lines(
          "FROM node:22-slim",
          "WORKDIR /app",
          "COPY --chown=node . .",
          "ENV NODE_ENV=production",
          "RUN npm ci",
          "CMD [\"node\", \"server.js\"]");

  @Test
  void wholeContextBeforeInstallIsFoundOverBothInstructions() {
    Finding f = findings(new CopyBeforeInstall(), NODE).get(0);
    assertThat(f.location()).isEqualTo(new LineRange(3, 5));
    assertThat(f.message())
        .isEqualTo("line 3 copies the whole context before the npm install at line 5");
  }

  @Test
  void theFixCopiesLockFilesFirstWhenTheContextIsUnknown() {
    assertThat(fixResolves(new CopyBeforeInstall(), NODE))
        .isEqualTo(
            lines(
                "FROM node:22-slim",
                "WORKDIR /app",
                "COPY --chown=node package.json package-lock.json* npm-shrinkwrap.json* ./",
                "ENV NODE_ENV=production",
                "RUN npm ci",
                "COPY --chown=node . .",
                "CMD [\"node\", \"server.js\"]"));
  }

  @Test
  void theFixCopiesOnlyManifestsTheContextHas() {
    LintInput input =
        LintInput.of(RuleCheck.parse(NODE))
            .withContextEntries(Set.of("package.json", "package-lock.json", "server.js"));
    Fix.Replacement fix =
        (Fix.Replacement) new CopyBeforeInstall().check(input).get(0).fix().orElseThrow();
    assertThat(fix.text()).startsWith("COPY --chown=node package.json package-lock.json ./\n");
  }

  @Test
  void uvInstallsWithoutTheProjectFirstThenSyncsAgain() {
    String text = lines("FROM python:3.12-slim", "COPY . /app", "RUN uv sync --frozen --no-dev");
    assertThat(fixResolves(new CopyBeforeInstall(), text))
        .isEqualTo(
            lines(
                "FROM python:3.12-slim",
                "COPY pyproject.toml uv.lock* /app/",
                "RUN uv sync --no-install-project --frozen --no-dev",
                "COPY . /app",
                "RUN uv sync --frozen --no-dev"));
  }

  @Test
  void pipCopiesTheRequirementFilesItNamesKeepingTheirDirectories() {
    String text =
        lines(
            "FROM python:3.12-slim",
            "COPY . .",
            "RUN pip install --no-cache-dir -r requirements/base.txt -r requirements.txt");
    assertThat(fixResolves(new CopyBeforeInstall(), text))
        .isEqualTo(
            lines(
                "FROM python:3.12-slim",
                "COPY requirements/base.txt ./requirements/",
                "COPY requirements.txt ./",
                "RUN pip install --no-cache-dir -r requirements/base.txt -r requirements.txt",
                "COPY . ."));
  }

  @Test
  void goFetchesModulesFirstAndBuildsAfterTheFullCopy() {
    String text = lines("FROM golang:1.23", "WORKDIR /src", "COPY . .", "RUN go build -o /app .");
    assertThat(fixResolves(new CopyBeforeInstall(), text))
        .isEqualTo(
            lines(
                "FROM golang:1.23",
                "WORKDIR /src",
                "COPY go.mod go.sum* ./",
                "RUN go mod download",
                "COPY . .",
                "RUN go build -o /app ."));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "COPY package.json package-lock.json ./\nRUN npm ci\nCOPY . .",
        "COPY . .\nRUN npm run build",
        "COPY . .\nRUN pip install .",
        "COPY --from=build /app /app\nRUN npm ci"
      })
  void installsThatDoNotDependOnTheWholeCopyAreFine(String body) {
    assertThat(findings(new CopyBeforeInstall(), lines("FROM node:22", body))).isEmpty();
  }

  @Test
  void aRunBetweenTheCopyAndTheInstallLeavesTheFindingWithoutAFix() {
    String text = lines("FROM node:22", "COPY . .", "RUN ./prepare.sh", "RUN npm ci");
    Finding f = findings(new CopyBeforeInstall(), text).get(0);
    assertThat(f.location()).isEqualTo(new LineRange(2, 4));
    assertThat(f.fix()).isEmpty();
  }
}
