package dev.sizebot.testing;

import static dev.sizebot.testing.LayerBuilder.image;
import static dev.sizebot.testing.LayerBuilder.layer;

import dev.sizebot.image.Image;
import java.util.List;

/** Hand-built images shared by rendering and CLI tests. */
public final class ExampleImages {
  private ExampleImages() {}

  /**
   * Four layers with every kind of waste (overwritten, deleted, directory deleted, opaque
   * directory), a hardlink that outlives its target, a symlink, duplicates, and names and
   * instructions full of markdown that must come out escaped.
   */
  public static Image wasteful() {
    return image(
        List.of("example/wasteful:1.0"),
        layer("/bin/sh -c #(nop) ADD file:5d3ad8e2b4c1 in / ")
            .compressed(900)
            .dir("/bin")
            .file("/bin/busybox", 500, "h-busybox")
            .hardlink("/bin/sh", "/bin/busybox")
            .symlink("/bin/ls", "busybox")
            .dir("/cache")
            .file("/cache/a", 300, "h-a")
            .dir("/cache/sub")
            .file("/cache/sub/b", 200, "h-b")
            .dir("/var")
            .dir("/var/lib")
            .file("/var/lib/x", 50, "h-x")
            .file("/var/lib/y", 70, "h-y")
            .file("/empty", 0, "h-empty"),
        layer("/bin/sh -c #(nop) COPY multi:7c1e in / ")
            .compressed(700)
            .file("/data.bin", 1000, "h-d1")
            .dir("/opt")
            .file("/opt/one", 40, "h-dup")
            .file("/opt/[two](http://x)|`b`", 40, "h-dup"),
        layer("RUN /bin/sh -c make data | tee log && rm /bin/busybox # buildkit")
            .compressed(800)
            .dir("/bin")
            .whiteout("/bin/busybox")
            .file("/data.bin", 1200, "h-d2")
            .file("/empty", 0, "h-empty"),
        layer("RUN /bin/sh -c rm -rf /data.bin /cache && echo '`@octocat` <b>hi</b>' # buildkit")
            .compressed(300)
            .whiteout("/data.bin")
            .whiteout("/cache")
            .dir("/var")
            .dir("/var/lib")
            .opaque("/var/lib")
            .file("/var/lib/z", 10, "h-z")
            .dir("/srv")
            .file("/srv/three", 40, "h-dup"));
  }
}
