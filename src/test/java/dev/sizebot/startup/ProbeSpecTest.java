package dev.sizebot.startup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sizebot.common.ExitCode;
import dev.sizebot.common.SizebotException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProbeSpecTest {
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "healthcheck            | healthcheck",
        "exit                   | exit",
        "'  exit  '             | exit",
        "http://:8000/health    | http://:8000/health",
        "http://:8000           | http://:8000/",
        "HTTP://:80/a/b?x=1     | http://:80/a/b?x=1",
        "tcp://:8000            | tcp://:8000",
        "tcp://:65535           | tcp://:65535",
        "log:Listening on .*    | log:Listening on .*",
        "log:^ready$            | log:^ready$",
      })
  void goodSpecsParseAndPrintBackCanonically(String text, String canonical) {
    assertThat(ProbeSpec.parse(text).toString()).isEqualTo(canonical);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "''                        | it is empty",
        "ready                     | unknown form",
        "https://:8443/health      | scheme must be http or tcp, not https",
        "http://localhost:8000/    | host must be empty, sizebot reaches the container itself (e.g. http://:8000)",
        "tcp://db:5432             | host must be empty, sizebot reaches the container itself (e.g. tcp://:8000)",
        "http:///health            | it needs a port (e.g. :8000)",
        "tcp://:                   | it needs a port (e.g. :8000)",
        "tcp://:http               | port must be a number, not http",
        "tcp://:0                  | port must be 1-65535, not 0",
        "http://:70000/            | port must be 1-65535, not 70000",
        "tcp://:8000/health        | a TCP probe has no path",
        "log:                      | log probe needs a regex",
        "log:([a-z]                | not a valid regex (Unclosed group)",
      })
  void badSpecsAreInvalidInputWithOneLineSayingWhy(String text, String why) {
    assertThatThrownBy(() -> ProbeSpec.parse(text))
        .isInstanceOfSatisfying(
            SizebotException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.INVALID_INPUT))
        .hasMessage(
            "bad startup probe '"
                + text
                + "': "
                + why
                + "; use one of healthcheck, http://:PORT/PATH, tcp://:PORT, log:REGEX, exit"
                + " (e.g. http://:8000/health)");
  }

  @ParameterizedTest
  @CsvSource({"Listening on :80, true", "we are Listening on x, true", "listening, false"})
  void logProbeFindsItsRegexAnywhereInALine(String line, boolean matches) {
    assertThat(new ProbeSpec.LogLine("Listening on .*").matches(line)).isEqualTo(matches);
  }
}
