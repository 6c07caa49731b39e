package dev.sizebot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ImageTargetTest {
  @ParameterizedTest
  @CsvSource({
    "aarch64, linux/arm64",
    "arm64, linux/arm64",
    "x86_64, linux/amd64",
    "amd64, linux/amd64",
    "AMD64, linux/amd64",
    "x86, linux/386",
    "i386, linux/386",
    "i686, linux/386",
    // Names Java and Go share pass through unchanged.
    "ppc64le, linux/ppc64le",
    "s390x, linux/s390x",
    "riscv64, linux/riscv64",
  })
  void theJvmArchitectureMapsToDockersPlatformName(String osArch, String platform) {
    assertThat(ImageTarget.platformFor(osArch)).isEqualTo(platform);
  }

  @Test
  void theHostPlatformIsThisJvmsArchitecture() {
    assertThat(ImageTarget.hostPlatform())
        .isEqualTo(ImageTarget.platformFor(System.getProperty("os.arch")));
  }
}
