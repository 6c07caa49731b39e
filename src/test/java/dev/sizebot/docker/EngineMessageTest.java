package dev.sizebot.docker;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EngineMessageTest {
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "'Status 404: {\"message\":\"No such image: x:latest\"}\n' | No such image: x:latest",
        "'Status 500: {\"message\":\"a \\\"quoted\\\" word\"}'      | a \"quoted\" word",
        "'Status 409: conflict\n  again'                           | conflict again",
        "'Connection refused'                                      | Connection refused",
      })
  void keepsTheEnginesOwnWordsOnOneLine(String raw, String expected) {
    assertThat(EngineMessage.of(new RuntimeException(raw))).isEqualTo(expected);
  }
}
