package dev.sizebot.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FailingLineTest {
  private static final List<String> MULTI_STAGE =
      List.of(
          "# syntax comment",
          "FROM scratch AS Builder",
          "COPY busybox /bin/busybox",
          "SHELL [\"/bin/busybox\", \"sh\", \"-c\"]",
          "RUN echo one \\",
          "    # a comment inside the continuation",
          "    &&   echo two",
          "",
          "FROM scratch",
          "COPY --from=builder /bin/busybox /bin/busybox",
          "WORKDIR /app",
          "RUN echo one && echo two",
          "RUN echo three");

  private static OptionalInt locate(List<String> log, List<String> dockerfile) {
    BuildLog buildLog = new BuildLog("Dockerfile", line -> {});
    log.forEach(buildLog);
    return FailingLine.locate(buildLog, dockerfile);
  }

  @ParameterizedTest(name = "[{0}] {1} is on line {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "builder 3/3|RUN echo one && echo two|5",
        "stage-1 3/4|RUN echo one && echo two|12",
        "stage-1 2/4|WORKDIR /app|11",
        "stage-1 4/4|RUN echo three|13",
        "stage-1 1/4|COPY --from=builder /bin/busybox /bin/busybox|10",
      })
  void aTwentyTenStepIsMatchedByStageAndText(String position, String step, int line) {
    List<String> log =
        List.of(
            "#7 [" + position + "] " + step,
            "#7 sha256:f5419eeac1ee77c89bd53031ee3e0bab099de879ffc56008cef98a796b49c351",
            "#7 0.231 some output",
            "#7 ERROR: executor failed running [/bin/busybox sh -c false]: exit code: 1",
            "------",
            " > [" + position + "] " + step + ":",
            "------",
            "executor failed running [/bin/busybox sh -c false]: exit code: 1");
    assertThat(locate(log, MULTI_STAGE)).hasValue(line);
  }

  @Test
  void aStepWhoseTextWasExpandedIsFoundByItsPositionInTheStage() {
    List<String> dockerfile = List.of("FROM scratch", "ARG V=1", "COPY a /a", "RUN make $V");
    List<String> log = List.of("#5 [stage-0 2/2] RUN make 1", "#5 ERROR: exit code: 2");
    assertThat(locate(log, dockerfile)).hasValue(4);
  }

  @Test
  void theLineNewerBuildKitPrintsWinsOverTheStepText() {
    List<String> log =
        new ArrayList<>(
            List.of(
                "#6 [3/3] RUN echo three",
                "#6 ERROR: process \"/bin/sh -c echo three\" did not complete successfully",
                "------",
                " > [3/3] RUN echo three:",
                "------",
                "Dockerfile:13",
                "--------------------",
                "  13 | >>> RUN echo three",
                "--------------------"));
    assertThat(locate(log, MULTI_STAGE)).hasValue(13);
  }

  @Test
  void aParseErrorNamesItsLine() {
    List<String> log =
        List.of(
            "failed to solve with frontend dockerfile.v0: failed to create LLB definition:"
                + " dockerfile parse error line 2: unknown instruction: BOGUS");
    assertThat(locate(log, List.of("FROM scratch", "BOGUS x"))).hasValue(2);
  }

  @Test
  void internalStepsAndUnknownTextGiveNoLine() {
    List<String> log =
        List.of(
            "#3 [internal] load build context",
            "#3 ERROR: failed to read dockerfile",
            "#9 [stage-0 1/1] RUN something else");
    assertThat(locate(log, MULTI_STAGE)).isEmpty();
  }

  @Test
  void continuationLinesJoinIntoOneInstructionStartingAtItsFirstLine() {
    List<FailingLine.Instruction> instructions = FailingLine.instructions(MULTI_STAGE);
    assertThat(instructions).hasSize(9);
    assertThat(instructions.get(3))
        .isEqualTo(new FailingLine.Instruction(5, 0, "RUN", "RUN echo one && echo two"));
    assertThat(instructions.get(8).stage()).isEqualTo(1);
  }

  @Test
  void theEscapeDirectiveSwitchesTheContinuationCharacter() {
    List<String> windows = List.of("# escape=`", "FROM scratch", "RUN dir `", "  c:\\");
    assertThat(FailingLine.instructions(windows).get(1))
        .isEqualTo(new FailingLine.Instruction(3, 0, "RUN", "RUN dir c:\\"));
  }
}
