package dev.sizebot.image.testing;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/**
 * The images behind {@code examples/} (see examples/README.md): a small Python web app before and
 * after a pull request. {@link #head()} adds a pip step that leaves its cache behind, copies a logo
 * twice, rewrites {@code /etc/os-release} and deletes the apk cache in a later layer — so its
 * analysis shows overwritten, deleted and duplicated bytes. Content is pseudo-random but fixed.
 */
public final class ExampleImages {
  private ExampleImages() {}

  /** {@code example/app:base}: rootfs, python, the app. */
  public static TestImage base() {
    return TestImage.tagged("example/app:base")
        .layer(rootfs())
        .layer(python())
        .emptyStep("WORKDIR /app")
        .layer(app("v1", false))
        .emptyStep("EXPOSE 8080")
        .emptyStep("CMD [\"python3\", \"/app/main.py\"]")
        .env("PATH=/usr/local/bin:/usr/bin:/bin", "PYTHONUNBUFFERED=1")
        .workdir("/app")
        .expose("8080/tcp")
        .cmd("python3", "/app/main.py")
        .label("org.opencontainers.image.version", "1.0.0");
  }

  /** {@code example/app:head}: base plus a pip step with its cache, a duplicate, a cleanup step. */
  public static TestImage head() {
    return TestImage.tagged("example/app:head")
        .layer(rootfs())
        .layer(python())
        .emptyStep("WORKDIR /app")
        .layer(app("v2", true))
        .layer(
            TestLayer.step("RUN pip install -r requirements.txt")
                .dir("/usr/lib/python3.12/site-packages/requests")
                .file("/usr/lib/python3.12/site-packages/requests/__init__.py", text(7, 9_000))
                .file("/usr/lib/python3.12/site-packages/requests/models.py", text(8, 12_000))
                .dir("/root/.cache/pip/wheels")
                .file(
                    "/root/.cache/pip/wheels/requests-2.32.3-py3-none-any.whl", random(9, 18_000)))
        .layer(
            TestLayer.step("RUN rm -rf /var/cache/apk/* && sed -i 's/3.20/3.20.3/' /etc/os-release")
                .dir("/etc")
                .file("/etc/os-release", osRelease("3.20.3"))
                .dir("/var/cache/apk")
                .whiteout("/var/cache/apk/APKINDEX.tar.gz"))
        .emptyStep("EXPOSE 8080")
        .emptyStep("HEALTHCHECK CMD wget -qO- http://localhost:8080/health")
        .emptyStep("CMD [\"python3\", \"/app/main.py\"]")
        .env("PATH=/usr/local/bin:/usr/bin:/bin", "PYTHONUNBUFFERED=1")
        .workdir("/app")
        .expose("8080/tcp")
        .cmd("python3", "/app/main.py")
        .healthcheck(
            List.of("CMD-SHELL", "wget -qO- http://localhost:8080/health"), 30_000_000_000L, 3)
        .label("org.opencontainers.image.version", "1.1.0");
  }

  /** {@link #head()} as {@code example/app:oci} with gzip and zstd layers, for the OCI layout. */
  public static TestImage headCompressed() {
    TestImage head = head();
    TestImage oci = TestImage.tagged("example/app:oci");
    int i = 0;
    for (TestLayer layer : head.layers()) {
      oci.layer(layer.compression(i++ % 2 == 0 ? TestCompression.GZIP : TestCompression.ZSTD));
    }
    return oci.env("PATH=/usr/local/bin:/usr/bin:/bin", "PYTHONUNBUFFERED=1")
        .workdir("/app")
        .cmd("python3", "/app/main.py");
  }

  private static TestLayer rootfs() {
    return TestLayer.step("ADD alpine-minirootfs-3.20.tar.gz / # (nop)")
        .dir("/bin")
        .file("/bin/busybox", random(1, 30_000), 0755)
        .symlink("/bin/sh", "busybox")
        .dir("/etc")
        .file("/etc/passwd", "root:x:0:0:root:/root:/bin/sh\napp:x:1000:1000::/app:/bin/sh\n")
        .file("/etc/group", "root:x:0:root\napp:x:1000:\n")
        .file("/etc/os-release", osRelease("3.20"))
        .dir("/lib")
        .file("/lib/ld-musl-x86_64.so.1", random(2, 20_000), 0755)
        .hardlink("/lib/libc.musl-x86_64.so.1", "/lib/ld-musl-x86_64.so.1")
        .dir("/tmp")
        .dir("/root");
  }

  private static TestLayer python() {
    return TestLayer.step("RUN apk add --no-progress python3")
        .dir("/usr/bin")
        .file("/usr/bin/python3.12", random(3, 16_000), 0755)
        .symlink("/usr/bin/python3", "python3.12")
        .dir("/usr/lib/python3.12")
        .file("/usr/lib/python3.12/os.py", text(4, 12_000))
        .file("/usr/lib/python3.12/json.py", text(5, 8_000))
        .dir("/var/cache/apk")
        .file("/var/cache/apk/APKINDEX.tar.gz", random(6, 12_000));
  }

  private static TestLayer app(String version, boolean duplicateLogo) {
    byte[] logo = random(10, 8_000);
    TestLayer layer =
        TestLayer.step("COPY app/ /app/")
            .owner(1000)
            .dir("/app")
            .file("/app/main.py", text(version.equals("v1") ? 11 : 12, 3_000))
            .file("/app/requirements.txt", "flask==3.0.3\nrequests==2.32.3\n")
            .dir("/app/static")
            .file("/app/static/logo.png", logo);
    if (duplicateLogo) {
      layer.file("/app/static/logo-copy.png", logo);
    }
    return layer;
  }

  private static String osRelease(String version) {
    return "NAME=\"Alpine Linux\"\nID=alpine\nVERSION_ID=" + version + "\n";
  }

  static byte[] random(long seed, int size) {
    byte[] bytes = new byte[size];
    new Random(seed).nextBytes(bytes);
    return bytes;
  }

  static byte[] text(long seed, int size) {
    Random random = new Random(seed);
    String[] words = {
      "def",
      "return",
      "self",
      "import",
      "if",
      "else",
      "for",
      "in",
      "None",
      "True",
      "request",
      "response",
      "json",
      "path",
      "value",
      "data",
      "headers",
      "status",
      "raise",
      "class"
    };
    StringBuilder s = new StringBuilder(size + 16);
    while (s.length() < size) {
      s.append(words[random.nextInt(words.length)]).append(random.nextInt(8) == 0 ? "\n" : " ");
    }
    return s.substring(0, size).getBytes(StandardCharsets.US_ASCII);
  }
}
