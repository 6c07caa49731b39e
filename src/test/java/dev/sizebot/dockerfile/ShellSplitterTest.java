package dev.sizebot.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ShellSplitterTest {
  /** Commands joined with " / ", words with single spaces; assignments prefixed. */
  private static String split(String script) {
    return ShellSplitter.split(script).stream()
        .map(c -> (String.join(" ", c.assignments()) + " " + c).strip())
        .collect(Collectors.joining(" / "));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiterString = "=>",
      quoteCharacter = '~',
      value = {
        "apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/* => apt-get update / apt-get install -y curl / rm -rf /var/lib/apt/lists/*",
        "a || b; c | d & e => a / b / c / d / e",
        "echo 'a && b' \"c; d\" e\\ f => echo a && b c; d e f",
        "DEBIAN_FRONTEND=noninteractive apt-get -qq install x => DEBIAN_FRONTEND=noninteractive apt-get -qq install x",
        "X=1 => X=1",
        "pip install --no-cache-dir -r requirements.txt > /dev/null 2>&1 => pip install --no-cache-dir -r requirements.txt",
        "echo $(uname -m) `id -u` => uname -m / id -u / echo $(uname -m) `id -u`",
        "echo \"$(cat /etc/os-release | grep ID)\" => cat /etc/os-release / grep ID / echo $(cat /etc/os-release | grep ID)",
        "if [ -f x ]; then rm x; else touch x; fi => [ -f x ] / rm x / touch x",
        "for p in a b; do pip install $p; done => pip install $p",
        "while read l; do echo $l; done < file => read l / echo $l",
        "case $A in a|b) apk add x;; *) apk add y;; esac => apk add x / apk add y",
        "(cd /src && make) && { make install; } => cd /src / make / make install",
        "set -eux; apt-get update # trailing comment => set -eux / apt-get update",
        "echo ${A:-x} $((1+2)) \"${B}\" => echo ${A:-x} $((1+2)) ${B}",
        "echo 'unclosed => echo unclosed",
        "f() { echo hi; }; f => echo hi / f",
      })
  void splitsIntoSimpleCommandsInOrder(String script, String expected) {
    assertThat(split(script.strip())).isEqualTo(expected.strip());
  }

  @Test
  void newlinesSeparateCommandsAndHeredocBodiesAreSkipped() {
    String script = "set -e\ncat <<EOF > /etc/conf\nnot a command\nEOF\napt-get update \\\n  -q\n";
    assertThat(split(script)).isEqualTo("set -e / cat / apt-get update -q");
    ShellCommand cat = ShellSplitter.split(script).get(1);
    assertThat(cat.redirects()).containsExactly("<<EOF", ">/etc/conf");
  }

  @Test
  void commandHelpersAnswerRuleQuestions() {
    List<ShellCommand> commands = ShellSplitter.split("/usr/bin/pip install --no-cache-dir=1 x");
    ShellCommand pip = commands.get(0);
    assertThat(pip.isProgram("pip")).isTrue();
    assertThat(pip.program()).contains("/usr/bin/pip");
    assertThat(pip.hasArgument("--no-cache-dir")).isTrue();
    assertThat(pip.arguments()).containsExactly("install", "--no-cache-dir=1", "x");
  }

  @Test
  void deepSubstitutionNestingStopsSplittingWithoutFailing() {
    String script = "echo $(".repeat(500) + "x" + ")".repeat(500);
    assertThat(ShellSplitter.split(script)).isNotEmpty();
  }
}
