package dev.sizebot.image;

import dev.sizebot.image.testing.TestCompression;
import dev.sizebot.image.testing.TestImage;
import dev.sizebot.image.testing.TestLayer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Images shared by the image package's tests. */
final class SampleImages {
  static final byte[] TOOL = repeat("#!/bin/sh\necho tool\n", 50); // 1000 bytes
  static final byte[] PASSWD = "root:x:0:0:root:/root:/bin/sh\n".getBytes(StandardCharsets.UTF_8);
  static final byte[] DATA = repeat("data-", 200); // 1000 bytes

  private SampleImages() {}

  /** Two layers and an empty step, with every entry kind and a full config. */
  static TestImage app(TestCompression compression) {
    return TestImage.tagged("app:1")
        .layer(
            TestLayer.step("COPY rootfs / # buildkit")
                .dir("/bin")
                .file("/bin/tool", TOOL, 0755)
                .dir("/etc")
                .file("/etc/passwd", PASSWD)
                .file("/etc/empty", new byte[0])
                .dir("/var/cache")
                .file("/var/cache/old.bin", DATA)
                .compression(compression))
        .emptyStep("ENV APP=1")
        .layer(
            TestLayer.step("RUN make")
                .dir("/app")
                .file("/app/data.txt", "first version")
                .file("/app/data.txt", DATA)
                .hardlink("/app/data-link", "/app/data.txt")
                .symlink("/app/current", "data.txt")
                .whiteout("/etc/passwd")
                .opaque("/var/cache")
                .owner(1000)
                .file("/app/owned", "x")
                .compression(compression))
        .env("PATH=/bin", "APP=1")
        .user("1000:1000")
        .workdir("/app")
        .entrypoint("/bin/tool")
        .cmd("serve", "--port", "8080")
        .expose("8080/tcp")
        .label("org.opencontainers.image.title", "app")
        .healthcheck(List.of("CMD-SHELL", "tool check"), 30_000_000_000L, 3);
  }

  static byte[] repeat(String s, int times) {
    return s.repeat(times).getBytes(StandardCharsets.UTF_8);
  }
}
