package dev.sizebot.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DigestAndImageRefTest {
  private static final String HEX = "a".repeat(64);

  @Test
  void parsesSha256Digests() {
    Digest d = Digest.parse("sha256:" + HEX);
    assertThat(d.algorithm()).isEqualTo("sha256");
    assertThat(d.shortHex()).isEqualTo("aaaaaaaaaaaa");
    assertThat(d).hasToString("sha256:" + HEX);
  }

  @Test
  void rejectsMalformedDigestsAsInvalidInput() {
    assertThatThrownBy(() -> Digest.parse("sha256:xyz"))
        .isInstanceOf(SizebotException.class)
        .extracting(e -> ((SizebotException) e).exitCode())
        .isEqualTo(ExitCode.INVALID_INPUT);
  }

  @ParameterizedTest
  @CsvSource({
    "busybox, busybox:latest",
    "app:1.2, app:1.2",
    "localhost:5000/team/app:v1, localhost:5000/team/app:v1",
    "ghcr.io/o/app, ghcr.io/o/app:latest"
  })
  void canonicalizesReferences(String text, String canonical) {
    assertThat(ImageRef.parse(text).canonical()).isEqualTo(canonical);
  }

  @Test
  void pathsWithDotsOrSlashesUpFrontAreNotReferences() {
    // "examples/app.tar" is a valid reference too; callers check the filesystem first.
    assertThat(ImageRef.looksLikeRef("./image")).isFalse();
    assertThat(ImageRef.looksLikeRef("/tmp/app.tar")).isFalse();
    assertThat(ImageRef.looksLikeRef("app:1.2")).isTrue();
  }
}
