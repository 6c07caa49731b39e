package dev.sizebot.docker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sizebot.common.ExitCode;
import dev.sizebot.common.SizebotException;
import dev.sizebot.image.Image;
import dev.sizebot.image.ImageSelector;
import dev.sizebot.image.ImageSource;
import dev.sizebot.image.Layer;
import dev.sizebot.image.ReadLimits;
import dev.sizebot.image.testing.TestArchive;
import dev.sizebot.image.testing.TestCompression;
import dev.sizebot.image.testing.TestImage;
import dev.sizebot.image.testing.TestLayer;
import dev.sizebot.testing.Engine;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Acceptance on the real engine: an image built FROM scratch (files, a hardlink, a symlink, a
 * deleted file, an empty file, an overwritten file) read through {@code docker save} must give the
 * engine's own sizes, byte for byte.
 */
class EngineImageSourceTest {
  private static final String TAG = "sizebot-test-image-sizes:1";
  private static final String OTHER = "sizebot-test-image-other:1";
  private static DockerEngine engine;

  @BeforeAll
  static void build(@TempDir Path context) throws IOException {
    Engine.require();
    Files.copy(Engine.busybox(), context.resolve("busybox"));
    Path gen = Files.createDirectories(context.resolve("gen/sub"));
    Random random = new Random(42);
    for (int i = 0; i < 20; i++) {
      byte[] bytes = new byte[100 + random.nextInt(5000)];
      random.nextBytes(bytes);
      Files.write(gen.resolve("f" + i + ".bin"), bytes);
    }
    Files.writeString(gen.resolve("text.txt"), "hello ".repeat(1000));
    Files.writeString(
        context.resolve("Dockerfile"),
        String.join(
            "\n",
            "FROM scratch",
            "COPY busybox /bin/busybox",
            "RUN [\"/bin/busybox\", \"sh\", \"-c\", \"/bin/busybox mkdir -p /data /tmp"
                + " && /bin/busybox dd if=/dev/zero of=/data/a bs=1000 count=7"
                + " && echo hello > /data/b && /bin/busybox touch /data/empty"
                + " && /bin/busybox ln /data/a /data/hard && /bin/busybox ln -s /data/b /data/sym"
                + " && echo doomed > /data/gone\"]",
            "ENV GREETING=hi",
            "RUN [\"/bin/busybox\", \"sh\", \"-c\", \"/bin/busybox rm /data/gone"
                + " && echo a-longer-overwritten-content > /data/b\"]",
            "COPY gen/ /gen/",
            "RUN [\"/bin/busybox\", \"sh\", \"-c\", \"/bin/busybox rm -r /gen/sub\"]",
            "CMD [\"/bin/busybox\", \"sh\"]",
            ""));
    Engine.build(context, TAG);
    Engine.docker("tag", TAG, OTHER);
    engine = DockerEngine.connect();
  }

  @AfterAll
  static void cleanUp() {
    Engine.removeImage(TAG);
    Engine.removeImage(OTHER);
    if (engine != null) {
      engine.close();
    }
  }

  private static Image readFromEngine(String ref) {
    return new EngineImageSource(engine, ReadLimits.DEFAULT)
        .read(ImageSelector.of(ref, EngineImageSource.defaultPlatform(engine)));
  }

  @Test
  void layerSizesEqualTheEnginesHistoryByteForByte() {
    Image image = readFromEngine(TAG);
    assertThat(image.layers())
        .extracting(l -> l.index().size())
        .containsExactlyElementsOf(historySizes(image, TAG));
    assertThat(image.layers()).hasSize(5);
    long inspected =
        Long.parseLong(Engine.docker("image", "inspect", "--format", "{{.Size}}", TAG).strip());
    assertThat(image.size()).isEqualTo(inspected);
    assertThat(image.tags()).containsExactly(TAG);
    assertThat(image.config().env()).contains("GREETING=hi");
    assertThat(image.layers().get(2).index().whiteouts())
        .extracting(Object::toString)
        .containsExactly("/data/gone");
    assertThat(image.layers().get(4).index().whiteouts())
        .extracting(Object::toString)
        .containsExactly("/gen/sub");
  }

  @Test
  void severalRefsComeFromOneSaveStream() {
    String platform = EngineImageSource.defaultPlatform(engine);
    List<Image> images =
        new EngineImageSource(engine, ReadLimits.DEFAULT)
            .read(List.of(ImageSelector.of(TAG, platform), ImageSelector.of(OTHER, platform)));
    assertThat(images).hasSize(2);
    assertThat(images.get(0).configDigest()).isEqualTo(images.get(1).configDigest());
    assertThat(images.get(1).size()).isEqualTo(images.get(0).size());
  }

  @Test
  void twoDifferentImagesSharingABaseLayerReadItOnceFromOneSaveStream(@TempDir Path dir)
      throws IOException {
    Path context = dir.resolve("ctx");
    String prelude = "FROM scratch\nCOPY busybox /bin/busybox\n";
    String run =
        "RUN [\"/bin/busybox\", \"dd\", \"if=/dev/zero\", \"of=/%s\", \"bs=%d\", \"count=1\"]\n";
    String a = "sizebot-test-image-shared-a:1";
    String b = "sizebot-test-image-shared-b:1";
    try {
      Files.createDirectories(context);
      Files.copy(Engine.busybox(), context.resolve("busybox"));
      Files.writeString(context.resolve("Dockerfile"), prelude + run.formatted("a", 3000));
      Engine.build(context, a);
      Files.writeString(context.resolve("Dockerfile"), prelude + run.formatted("b", 5000));
      Engine.build(context, b);
      String platform = EngineImageSource.defaultPlatform(engine);

      List<Image> both =
          new EngineImageSource(engine, ReadLimits.DEFAULT)
              .read(List.of(ImageSelector.of(a, platform), ImageSelector.of(b, platform)));

      Layer sharedA = both.get(0).layers().get(0);
      Layer sharedB = both.get(1).layers().get(0);
      assertThat(sharedB.diffId()).isEqualTo(sharedA.diffId());
      // One stream holds the shared layer once, so both images hold the very index made from it;
      // a read of its own makes an equal index, but another object.
      assertThat(sharedB.index()).isSameAs(sharedA.index());
      assertThat(readFromEngine(a).layers().get(0).index())
          .isEqualTo(sharedA.index())
          .isNotSameAs(sharedA.index());
      assertThat(both.get(0).layers().get(1).diffId())
          .isNotEqualTo(both.get(1).layers().get(1).diffId());
      assertThat(both.get(0).layers())
          .extracting(l -> l.index().size())
          .containsExactlyElementsOf(historySizes(both.get(0), a))
          .containsExactly(Files.size(Engine.busybox()), 3000L);
      assertThat(both.get(1).layers())
          .extracting(l -> l.index().size())
          .containsExactlyElementsOf(historySizes(both.get(1), b))
          .containsExactly(Files.size(Engine.busybox()), 5000L);
    } finally {
      Engine.removeImage(a);
      Engine.removeImage(b);
    }
  }

  @Test
  void anImageTheEngineLacksIsOneClearLine() {
    SizebotException e =
        (SizebotException)
            org.assertj.core.api.Assertions.catchThrowable(
                () -> readFromEngine("sizebot-test-image-absent:404"));
    assertThat(e.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(e.getMessage())
        .isEqualTo(
            "image 'sizebot-test-image-absent:404' is not in the local engine: build or pull it first");
  }

  @Test
  void theDefaultPlatformIsTheEnginesInOciSpelling() {
    assertThat(EngineImageSource.defaultPlatform(engine))
        .matches("linux/(amd64|arm64|arm/v7|386|s390x|ppc64le|riscv64)");
  }

  @Test
  void theSameEngineLayersReadAlikeFromEveryArchiveLayout(@TempDir Path dir) throws IOException {
    Path saved = dir.resolve("saved.tar");
    Engine.docker("save", "-o", saved.toString(), TAG);
    ImageSource file = ImageSource.open(saved, ReadLimits.DEFAULT);
    Image legacy = file.read(ImageSelector.of(TAG, "linux/amd64"));
    TestImage repacked = TestImage.tagged(TAG);
    TestImage repackedZstd = TestImage.tagged(TAG);
    for (Layer layer : legacy.layers()) {
      byte[] tar;
      try (InputStream in = file.openLayer(layer)) {
        tar = in.readAllBytes();
      }
      repacked.layer(TestLayer.ofTar(layer.history().createdBy(), tar));
      repackedZstd.layer(
          TestLayer.ofTar(layer.history().createdBy(), tar).compression(TestCompression.ZSTD));
    }
    List<Image> others =
        List.of(
            read(TestArchive.dockerSaveOci(repacked).writeTar(dir.resolve("oci-save.tar"))),
            read(TestArchive.ociLayout(repackedZstd).writeTar(dir.resolve("oci.tar"))),
            read(
                TestArchive.ociLayout(repacked)
                    .writeDirectory(Files.createDirectory(dir.resolve("oci")))));
    for (Image other : others) {
      assertThat(other.layers()).hasSameSizeAs(legacy.layers());
      for (int i = 0; i < legacy.layers().size(); i++) {
        Layer a = legacy.layers().get(i);
        Layer b = other.layers().get(i);
        assertThat(b.diffId()).isEqualTo(a.diffId());
        assertThat(b.index().entries()).isEqualTo(a.index().entries());
        assertThat(b.index().whiteouts()).isEqualTo(a.index().whiteouts());
        assertThat(b.index().size()).isEqualTo(a.index().size());
        assertThat(b.index().tarBytes()).isEqualTo(a.index().tarBytes());
      }
      assertThat(other.size()).isEqualTo(legacy.size());
    }
    assertThat(new String(Files.readAllBytes(saved), StandardCharsets.ISO_8859_1))
        .contains("manifest.json");
  }

  /** {@code docker history} sizes of the layers that are not empty, oldest first. */
  private static List<Long> historySizes(Image image, String ref) {
    // docker history lists newest first, one row per config history entry.
    List<String> rows =
        new ArrayList<>(
            Arrays.asList(
                Engine.docker(
                        "history", "--no-trunc", "--human=false", "--format", "{{.Size}}", ref)
                    .strip()
                    .split("\n")));
    Collections.reverse(rows);
    assertThat(rows).hasSize(image.history().size());
    List<Long> sizes = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      if (!image.history().get(i).emptyLayer()) {
        sizes.add(Long.parseLong(rows.get(i).strip()));
      }
    }
    return sizes;
  }

  private static Image read(Path path) {
    return ImageSource.open(path, ReadLimits.DEFAULT).read(ImageSelector.only("linux/amd64"));
  }
}
