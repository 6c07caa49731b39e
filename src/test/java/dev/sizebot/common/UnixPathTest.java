package dev.sizebot.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class UnixPathTest {
  @ParameterizedTest
  @CsvSource({
    "./usr/lib/, /usr/lib",
    "usr//lib, /usr/lib",
    "/, /",
    "., /",
    "a/b/../c, /a/c",
    "/etc/./passwd, /etc/passwd",
    "/usr/lib/, /usr/lib",
    "/usr//lib, /usr/lib",
    "/a/., /a",
    "/a/.., /",
    "/.a/..b/.../c., /.a/..b/.../c.",
    "/a/b.., /a/b..",
    "//, /",
    "/a/b/, /a/b"
  })
  void normalizesTarNames(String name, String expected) {
    assertThat(UnixPath.of(name).value()).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"../etc/passwd", "a/../../b", "/.."})
  void rejectsNamesThatClimbAboveTheRoot(String name) {
    assertThatThrownBy(() -> UnixPath.of(name))
        .isInstanceOf(SizebotException.class)
        .hasMessageContaining("unsafe path");
  }

  @Test
  void rejectsNulBytes() {
    assertThatThrownBy(() -> UnixPath.of("a\0b"))
        .isInstanceOf(SizebotException.class)
        .hasMessageContaining("a\\0b");
  }

  @Test
  void knowsParentsAndPrefixes() {
    UnixPath p = UnixPath.of("/usr/lib/x.so");
    assertThat(p.parent()).isEqualTo(UnixPath.of("/usr/lib"));
    assertThat(p.fileName()).isEqualTo("x.so");
    assertThat(p.startsWith(UnixPath.of("/usr"))).isTrue();
    assertThat(UnixPath.of("/usrx").startsWith(UnixPath.of("/usr"))).isFalse();
    assertThat(UnixPath.ROOT.parent()).isEqualTo(UnixPath.ROOT);
  }
}
