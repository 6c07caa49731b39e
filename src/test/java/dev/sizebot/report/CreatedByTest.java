package dev.sizebot.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CreatedByTest {
  @ParameterizedTest
  @CsvSource(
      delimiter = ';',
      value = {
        "/bin/sh -c #(nop)  COPY file:abc in / ; COPY file:abc in /",
        "/bin/sh -c #(nop)  CMD [\"sh\"]; CMD [\"sh\"]",
        "/bin/sh -c apt-get update &&     apt-get install -y x; RUN apt-get update && apt-get install -y x",
        "|2 A=1 B=2 /bin/sh -c make all; RUN make all",
        "RUN /bin/sh -c make # buildkit; RUN make",
        "RUN |1 V=3 /bin/sh -c echo $V # buildkit; RUN echo $V",
        "COPY app /app # buildkit; COPY app /app",
        "ADD rootfs.tar /; ADD rootfs.tar /"
      })
  void dropsTheShellWrapperEachBuilderAdds(String createdBy, String shortForm) {
    assertThat(CreatedBy.shorten(createdBy)).isEqualTo(shortForm);
  }

  @org.junit.jupiter.api.Test
  void cutsLongInstructionsToEightyCharactersWithAnEllipsis() {
    String shortForm = CreatedBy.shorten("RUN " + "x".repeat(200));

    assertThat(shortForm).hasSize(80).endsWith("x…").startsWith("RUN xx");
  }
}
