package dev.sizebot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sizebot.image.Image;
import dev.sizebot.image.ImageSelector;
import dev.sizebot.image.ImageSource;
import dev.sizebot.image.LayerCache;
import dev.sizebot.image.ReadLimits;
import dev.sizebot.image.testing.TestArchive;
import dev.sizebot.image.testing.TestImage;
import dev.sizebot.image.testing.TestLayer;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CacheDirectoryTest {
  private static final byte[] ARCHIVE =
      TestArchive.dockerSaveLegacy(
              TestImage.tagged("app:1")
                  .layer(TestLayer.step("COPY a /").file("/a", "alpha"))
                  .layer(TestLayer.step("COPY b /").file("/b", "beta")))
          .toBytes();

  @TempDir Path dir;
  private final List<String> warnings = new CopyOnWriteArrayList<>();

  private Image read(LayerCache cache) {
    return ImageSource.stream(
            "app.tar", new ByteArrayInputStream(ARCHIVE), ReadLimits.DEFAULT, cache)
        .read(ImageSelector.only("linux/amd64"));
  }

  private LayerCache cache() {
    return LayerCache.lasting(new CacheDirectory(dir), warnings::add);
  }

  @Test
  void parallelRunsWritingOneDirectoryLeaveWholeEntriesOnly() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    Image expected = read(LayerCache.inMemory());
    try {
      List<Future<Image>> runs = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        runs.add(pool.submit(() -> read(cache())));
      }
      for (Future<Image> run : runs) {
        assertThat(run.get()).isEqualTo(expected);
      }
    } finally {
      pool.shutdown();
    }
    LayerCache after = cache();
    assertThat(read(after)).isEqualTo(expected);
    assertThat(after.layersRead()).isZero();
    assertThat(after.layersReused()).isEqualTo(2);
    assertThat(warnings).isEmpty();
    try (Stream<Path> files = Files.walk(dir)) {
      assertThat(files.filter(p -> p.toString().endsWith(".tmp"))).isEmpty();
    }
  }

  @Test
  void aDirectoryThatCannotBeUsedGivesOneWarningEachWayAndTheRunGoesOn() throws Exception {
    Path file = Files.writeString(dir.resolve("not-a-dir"), "x");
    LayerCache cache = LayerCache.lasting(new CacheDirectory(file), warnings::add);

    assertThat(read(cache)).isEqualTo(read(LayerCache.inMemory()));
    assertThat(warnings).hasSize(2);
    assertThat(warnings.get(0)).startsWith("cannot read the layer cache at " + file + " (");
    assertThat(warnings.get(1)).startsWith("cannot write the layer cache at " + file + " (");
  }
}
