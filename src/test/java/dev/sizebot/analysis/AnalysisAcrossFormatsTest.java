package dev.sizebot.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sizebot.image.Image;
import dev.sizebot.image.ImageSelector;
import dev.sizebot.image.ImageSource;
import dev.sizebot.image.ReadLimits;
import dev.sizebot.image.testing.EntryNaming;
import dev.sizebot.image.testing.TestArchive;
import dev.sizebot.image.testing.TestCompression;
import dev.sizebot.image.testing.TestImage;
import dev.sizebot.image.testing.TestLayer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class AnalysisAcrossFormatsTest {
  @TempDir Path dir;

  /** The acceptance case of {@link AnalysisTest}, as real layer tars. */
  static TestImage acceptanceImage() {
    return TestImage.tagged("waste:1")
        .layer(
            TestLayer.step("ADD rootfs.tar /")
                .dir("/bin")
                .file("/bin/busybox", bytes('b', 500))
                .hardlink("/bin/sh", "/bin/busybox")
                .symlink("/bin/ls", "busybox")
                .dir("/cache")
                .file("/cache/a", bytes('a', 300))
                .dir("/cache/sub")
                .file("/cache/sub/b", bytes('c', 200))
                .dir("/var")
                .dir("/var/lib")
                .file("/var/lib/x", bytes('x', 50))
                .file("/var/lib/y", bytes('y', 70))
                .file("/empty", new byte[0]))
        .emptyStep("ENV A=1")
        .layer(
            TestLayer.step("COPY data.bin one two /")
                .file("/data.bin", bytes('1', 1000))
                .dir("/opt")
                .file("/opt/one", bytes('d', 40))
                .file("/opt/two", bytes('d', 40))
                .compression(TestCompression.GZIP))
        .layer(
            TestLayer.step("RUN make data && rm /bin/busybox")
                .dir("/bin")
                .whiteout("/bin/busybox")
                .file("/data.bin", bytes('2', 1200))
                .file("/empty", new byte[0])
                .compression(TestCompression.ZSTD))
        .layer(
            TestLayer.step("RUN rm -rf /data.bin /cache && reset /var/lib")
                .whiteout("/data.bin")
                .whiteout("/cache")
                .dir("/var")
                .dir("/var/lib")
                .opaque("/var/lib")
                .file("/var/lib/z", bytes('z', 10))
                .dir("/srv")
                .file("/srv/three", bytes('d', 40)));
  }

  @Test
  void legacyDockerSaveOciDockerSaveAndOciLayoutGiveTheSameAnalysis() {
    TestImage image = acceptanceImage();
    Analysis legacy = analyse(TestArchive.dockerSaveLegacy(image).writeTar(dir.resolve("l.tar")));
    Analysis oci = analyse(TestArchive.dockerSaveOci(image).writeTar(dir.resolve("o.tar")));
    Analysis layout = analyse(TestArchive.ociLayout(image).writeDirectory(dir.resolve("layout")));

    assertThat(oci).isEqualTo(legacy);
    assertThat(layout).isEqualTo(legacy);
    assertThat(legacy.reclaimableBytes()).isEqualTo(2820);
    assertThat(legacy.layers())
        .containsExactly(
            new LayerWaste(0, 620, 0),
            new LayerWaste(1, 1000, 0),
            new LayerWaste(2, 1200, 1000),
            new LayerWaste(3, 0, 1820));
    assertThat(legacy.duplicateBytes()).isEqualTo(80);
    assertThat(legacy.dive().efficiency()).isEqualTo(1250.0 / 3950.0);
    assertThat(legacy.dive().wastedBytes()).isEqualTo(2700);
    assertThat(legacy.dive().userWastedRatio()).hasValue(2700.0 / 2330.0);
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(EntryNaming.class)
  void everyWritersEntryNamingGivesTheEngineNamingsAnalysisInEveryLayout(EntryNaming naming) {
    TestImage image = acceptanceImage();
    image.layers().forEach(l -> l.naming(naming).compression(TestCompression.GZIP));
    Analysis engine =
        analyse(TestArchive.dockerSaveOci(acceptanceImage()).writeTar(dir.resolve("e.tar")));

    Analysis legacy = analyse(TestArchive.dockerSaveLegacy(image).writeTar(dir.resolve("l.tar")));
    Analysis oci = analyse(TestArchive.dockerSaveOci(image).writeTar(dir.resolve("o.tar")));
    Analysis layout = analyse(TestArchive.ociLayout(image).writeDirectory(dir.resolve("layout")));

    assertThat(legacy).isEqualTo(engine);
    assertThat(oci).isEqualTo(engine);
    assertThat(layout).isEqualTo(engine);
    // The hand-counted figures of the test above, so a reader that lost entries cannot pass.
    assertThat(legacy.reclaimableBytes()).isEqualTo(2820);
    assertThat(legacy.dive().wastedBytes()).isEqualTo(2700);
  }

  private static Analysis analyse(Path archive) {
    Image image =
        ImageSource.open(archive, ReadLimits.DEFAULT).read(ImageSelector.only("linux/amd64"));
    return Analysis.of(image);
  }

  private static byte[] bytes(char c, int n) {
    return String.valueOf(c).repeat(n).getBytes(StandardCharsets.US_ASCII);
  }
}
