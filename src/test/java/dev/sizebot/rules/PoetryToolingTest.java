package dev.sizebot.rules;

import static dev.sizebot.rules.RuleCheck.findings;
import static dev.sizebot.rules.RuleCheck.fixResolves;
import static dev.sizebot.rules.RuleCheck.lines;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Poetry installed with pipx or its official installer is build tooling like pip's poetry. */
class PoetryToolingTest {
  private static final String INSTALLER =
      "RUN curl -sSL https://install.python-poetry.org | python3 -";

  @Test
  void pipxInstallPoetryIsUnpinnedAndPinnedByTheFix() {
    String text = lines("FROM python:3.12", "RUN pipx install poetry");
    assertThat(findings(new UnpinnedBuildTool(), text).get(0).message())
        .isEqualTo("line 2 installs poetry without a version");
    assertThat(fixResolves(new UnpinnedBuildTool(), text))
        .isEqualTo(lines("FROM python:3.12", "RUN pipx install poetry==2.1.3"));
  }

  @Test
  void theOfficialInstallerIsUnpinnedAndTheFixPassesItAVersion() {
    String text = lines("FROM python:3.12", INSTALLER);
    assertThat(findings(new UnpinnedBuildTool(), text).get(0).message())
        .isEqualTo("line 2 installs poetry without a version");
    assertThat(fixResolves(new UnpinnedBuildTool(), text))
        .isEqualTo(
            lines(
                "FROM python:3.12",
                "RUN curl -sSL https://install.python-poetry.org | python3 - --version 2.1.3"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "RUN pipx install poetry==1.8.3",
        "RUN pipx install --python python3.12 black",
        "RUN curl -sSL https://install.python-poetry.org | python3 - --version 1.8.3",
        "RUN curl -sSL https://install.python-poetry.org | POETRY_VERSION=1.8.3 python3 -",
        "RUN curl -sSL https://install.python-poetry.org -o i.py && python3 i.py --version 1.8.3",
        "RUN curl -sSL https://example.org/install.sh | sh"
      })
  void pinnedOrOtherInstallsAreFine(String run) {
    assertThat(findings(new UnpinnedBuildTool(), lines("FROM python:3.12", run))).isEmpty();
  }

  @Test
  void anInstallerRunFromAFileIsReportedWithoutAGuessedEdit() {
    String text =
        lines(
            "FROM python:3.12",
            "RUN curl -sSL https://install.python-poetry.org -o i.py && python3 i.py");
    Finding f = findings(new UnpinnedBuildTool(), text).get(0);
    assertThat(f.message()).isEqualTo("line 2 installs poetry without a version");
    assertThat(f.fix()).isEmpty();
  }

  @Test
  void poetryVersionFromEnvPinsTheInstaller() {
    String text = lines("FROM python:3.12", "ENV POETRY_VERSION=1.8.3", INSTALLER);
    assertThat(findings(new UnpinnedBuildTool(), text)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "RUN pipx install poetry",
        "RUN pipx install poetry==1.8.3",
        "RUN pipx install --python python3.12 poetry",
        INSTALLER,
        "RUN wget -qO- https://install.python-poetry.org | python3 - --version 1.8.3"
      })
  void poetryFromPipxOrTheInstallerIsToolchainInTheFinalStage(String run) {
    String text = lines("FROM python:3.12-slim", run, "CMD [\"python\", \"app.py\"]");
    assertThat(findings(new ToolchainInFinalImage(), text).get(0).message())
        .isEqualTo("the only stage ships build tools: poetry");
  }
}
