package dev.sizebot.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BuildLogTest {
  @Test
  void everyLineIsForwardedAndOnlyTheLastFiftyAreKept() {
    List<String> forwarded = new ArrayList<>();
    BuildLog log = new BuildLog("Dockerfile", forwarded::add);
    IntStream.rangeClosed(1, 120).mapToObj(i -> "line " + i).forEach(log);
    assertThat(forwarded).hasSize(120);
    assertThat(log.tail()).hasSize(50);
    assertThat(log.tail().get(0)).isEqualTo("line 71");
    assertThat(log.tail().get(49)).isEqualTo("line 120");
  }

  @Test
  void theFirstFailingVertexIsTheFailingStepNotALaterCancelledOne() {
    BuildLog log = new BuildLog("Dockerfile", line -> {});
    List.of(
            "#5 [a 2/2] RUN sleep 5",
            "#6 [b 2/2] RUN false",
            "#6 0.120 output of false",
            "#6 ERROR: executor failed running [/bin/sh -c false]: exit code: 1",
            "#5 ERROR: context canceled")
        .forEach(log);
    assertThat(log.failingStep())
        .contains(new BuildLog.Step(java.util.Optional.of("b"), 2, 2, "RUN false"));
  }

  @Test
  void aFileLineOfAnotherDockerfileNameIsRecognised() {
    BuildLog log = new BuildLog("api.Dockerfile", line -> {});
    List.of("Dockerfile:3", "api.Dockerfile:12").forEach(log);
    assertThat(log.reportedLine()).hasValue(12);
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(
      strings = {
        // BuildKit in docker 20.10
        "#6 ERROR: executor failed running [/bin/sh -c make]: exit code: 2",
        // newer BuildKit
        "#6 ERROR: process \"/bin/sh -c make\" did not complete successfully: exit code: 2"
      })
  void theFailingStepsOwnExitCodeIsTakenFromItsErrorLine(String error) {
    BuildLog log = new BuildLog("Dockerfile", line -> {});
    List.of(
            "#6 [2/2] RUN make",
            "#6 0.2 make: exit code: 9 is what this output line says, not an error line",
            error,
            "#7 ERROR: exit code: 5")
        .forEach(log);
    assertThat(log.stepExitCode()).hasValue(2);
  }

  @Test
  void aFailureWithoutAProcessHasNoStepExitCode() {
    BuildLog log = new BuildLog("Dockerfile", line -> {});
    List.of("#4 [1/2] COPY missing /x", "#4 ERROR: failed to compute cache key: not found")
        .forEach(log);
    assertThat(log.stepExitCode()).isEmpty();
  }

  @Test
  void vertexDigestLinesAreForwardedButLeftOutOfTheTail() {
    List<String> forwarded = new ArrayList<>();
    BuildLog log = new BuildLog("Dockerfile", forwarded::add);
    String digest = "#6 sha256:22afc690ede8d2f567ddbd548e89cf6f15d3f38c5fedbd607186853fd037155a";
    List.of("#6 [3/3] RUN exit 3", digest, "#6 ERROR: executor failed running: exit code: 3")
        .forEach(log);
    assertThat(forwarded).contains(digest);
    assertThat(log.tail())
        .containsExactly("#6 [3/3] RUN exit 3", "#6 ERROR: executor failed running: exit code: 3");
  }
}
