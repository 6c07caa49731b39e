package dev.sizebot.diff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sizebot.common.SizebotException;
import dev.sizebot.dockerfile.Dockerfile;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BuildStepsTest {
  private static final String TEXT =
      String.join(
          "\n",
          "ARG BASE=alpine",
          "FROM ${BASE} AS build",
          "RUN make",
          "",
          "FROM build AS test",
          "RUN make test \\",
          "    && echo ok",
          "FROM alpine AS runtime",
          "COPY --from=build /out /out",
          "ENV A=1",
          "");

  @Test
  void theFinalStageCountsItsOwnInstructionsOnly() {
    Dockerfile df = Dockerfile.parse(TEXT, "Dockerfile");
    assertThat(BuildSteps.from(df, Optional.empty()).lines()).containsExactly(9, 10);
  }

  @Test
  void aStageBuiltFromAnEarlierStageContinuesItsHistory() {
    Dockerfile df = Dockerfile.parse(TEXT, "Dockerfile");
    assertThat(BuildSteps.from(df, Optional.of("test")).lines()).containsExactly(3, 6);
  }

  @Test
  void anUnknownTargetIsInvalidInput() {
    Dockerfile df = Dockerfile.parse(TEXT, "Dockerfile");
    assertThatThrownBy(() -> BuildSteps.from(df, Optional.of("nope")))
        .isInstanceOf(SizebotException.class)
        .hasMessage("no stage 'nope' in Dockerfile: check --target");
  }
}
