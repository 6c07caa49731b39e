package dev.sizebot.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExecFormTest {
  private static Run run(String line) {
    return (Run)
        Dockerfile.parse("FROM debian\n" + line + "\n", "Dockerfile")
            .finalStage()
            .instructions()
            .get(0);
  }

  @Test
  void execFormWordsAreOneCommandAsWritten() {
    Run r = run("RUN [\"apt-get\", \"install\", \"-y\", \"git\"]");
    assertThat(r.shellAnalyzed()).isTrue();
    assertThat(r.commands())
        .containsExactly(
            new ShellCommand(List.of(), List.of("apt-get", "install", "-y", "git"), List.of()));
  }

  @Test
  void execFormWordsAreNotShellSplit() {
    Run r = run("RUN [\"echo\", \"a && b\", \"$HOME\"]");
    assertThat(r.commands())
        .containsExactly(
            new ShellCommand(List.of(), List.of("echo", "a && b", "$HOME"), List.of()));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "RUN [\"sh\", \"-c\", \"apt-get update && apt-get install -y git\"]",
        "RUN [\"/bin/sh\", \"-ec\", \"apt-get update && apt-get install -y git\"]",
        "RUN [\"bash\", \"-exc\", \"apt-get update && apt-get install -y git\", \"name\"]",
        "RUN [\"/bin/bash\", \"-euo\", \"pipefail\", \"-c\", \"apt-get update && apt-get install -y git\"]",
        "RUN [\"bash\", \"--norc\", \"-c\", \"apt-get update && apt-get install -y git\"]",
        "RUN [\"dash\", \"-ce\", \"apt-get update && apt-get install -y git\"]",
      })
  void aShellGivenDashCRunsItsScriptSplitLikeShellForm(String line) {
    assertThat(run(line).commands().stream().map(ShellCommand::toString))
        .containsExactly("apt-get update", "apt-get install -y git");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "RUN [\"sh\", \"script.sh\"]                  | sh script.sh",
        "RUN [\"sh\", \"-e\", \"script.sh\"]          | sh -e script.sh",
        "RUN [\"python3\", \"-c\", \"print(1)\"]      | python3 -c print(1)",
        "RUN [\"sh\", \"-c\"]                         | sh -c",
      })
  void withoutDashCOrWithoutAShellTheWordsAreTheCommand(String line, String command) {
    assertThat(run(line.strip()).commands().stream().map(ShellCommand::toString))
        .containsExactly(command.strip());
  }
}
