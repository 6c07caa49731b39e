package dev.sizebot.diff;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CreatedByTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = ';',
      value = {
        "RUN /bin/sh -c apt-get update # buildkit; RUN apt-get update; RUN",
        "RUN |1 V=1 /bin/sh -c make   all # buildkit; RUN make all; RUN",
        "RUN |2 A=1 B=2 /bin/busybox sh -c true # buildkit; RUN /bin/busybox sh -c true; RUN",
        "|1 V=1 /bin/sh -c make; RUN make; RUN",
        "/bin/sh -c make install; RUN make install; RUN",
        "/bin/sh -c #(nop)  ENV A=b; ENV A=b; ENV",
        "/bin/sh -c #(nop) WORKDIR /app; WORKDIR /app; WORKDIR",
        "/bin/sh -c #(nop)  CMD [\"sh\"]; CMD [\"sh\"]; CMD",
        "COPY a.txt /a.txt # buildkit; COPY a.txt /a.txt; COPY",
        "ENV A=b; ENV A=b; ENV",
        "ARG V=1; ARG V=1; ARG",
        "WORKDIR /app; WORKDIR /app; WORKDIR",
      })
  void normalizesEveryBuilderDialectToTheInstruction(String createdBy, String text, String kw) {
    CreatedBy c = CreatedBy.of(createdBy);
    assertThat(c.text()).isEqualTo(text);
    assertThat(c.keyword()).isEqualTo(kw);
  }

  @Test
  void masksClassicCopyContentHashesInTheMatchingKeyOnly() {
    String hash = "679c43c79a56cffbb3b002bda3050542c152a2f09757a0f1a9578871f7cda00d";
    CreatedBy c = CreatedBy.of("/bin/sh -c #(nop) COPY file:" + hash + " in /a.txt ");
    assertThat(c.text()).isEqualTo("COPY file:" + hash + " in /a.txt");
    assertThat(c.key()).isEqualTo("COPY file:… in /a.txt");
  }

  @Test
  void anEmptyCreatedByStaysEmpty() {
    assertThat(CreatedBy.of("  ")).isEqualTo(new CreatedBy("", "", ""));
  }

  @Test
  void aLowerCaseFirstWordIsACommandNotAKeyword() {
    assertThat(CreatedBy.of("/bin/sh -c user add x").text()).isEqualTo("RUN user add x");
  }
}
