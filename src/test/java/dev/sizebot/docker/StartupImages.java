package dev.sizebot.docker;

import dev.sizebot.testing.Engine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * FROM-scratch test images around the static busybox: one base with the applets installed, and
 * small images on top that differ only in CMD / HEALTHCHECK, so each builds in a moment.
 */
final class StartupImages implements AutoCloseable {
  final String prefix = "sizebot-test-startup-" + UUID.randomUUID().toString().substring(0, 8);
  private final List<String> tags = new ArrayList<>();
  private final Path dir;

  StartupImages(Path dir) {
    this.dir = dir;
  }

  /** The base: busybox with its applets linked into /bin, and a /www/health page for httpd. */
  String base() {
    Path context = dir.resolve("base");
    try {
      Files.createDirectories(context);
      Files.copy(Engine.busybox(), context.resolve("busybox"), StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return build(
        "base",
        context,
        """
        FROM scratch
        COPY busybox /bin/busybox
        RUN ["/bin/busybox", "--install", "-s", "/bin"]
        RUN mkdir -p /www && echo ok > /www/health
        """);
  }

  /** An image on {@code base} with extra Dockerfile lines (CMD, HEALTHCHECK…). */
  String on(String base, String name, String lines) {
    Path context = dir.resolve(name);
    try {
      Files.createDirectories(context);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return build(name, context, "FROM " + base + "\n" + lines);
  }

  private String build(String name, Path context, String dockerfile) {
    try {
      Files.writeString(context.resolve("Dockerfile"), dockerfile);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String tag = prefix + "-" + name + ":1";
    Engine.build(context, tag);
    tags.add(tag);
    return tag;
  }

  @Override
  public void close() {
    for (int i = tags.size() - 1; i >= 0; i--) {
      Engine.removeImage(tags.get(i));
    }
  }
}
