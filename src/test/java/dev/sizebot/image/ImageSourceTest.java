package dev.sizebot.image;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sizebot.common.UnixPath;
import dev.sizebot.image.testing.TestArchive;
import dev.sizebot.image.testing.TestCompression;
import dev.sizebot.image.testing.TestImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ImageSourceTest {
  private static final String PLATFORM = "linux/amd64";

  @TempDir Path dir;

  static Image read(byte[] archive) {
    return ImageSource.stream("test.tar", new ByteArrayInputStream(archive), ReadLimits.DEFAULT)
        .read(ImageSelector.only(PLATFORM));
  }

  @Test
  void legacyDockerSaveGivesEveryEntryWithTheEngineSizes() {
    Image image =
        read(TestArchive.dockerSaveLegacy(SampleImages.app(TestCompression.NONE)).toBytes());

    assertThat(image.tags()).containsExactly("app:1");
    assertThat(image.layers()).hasSize(2);
    LayerIndex base = image.layers().get(0).index();
    // tool 1000 + passwd 30 + old.bin 1000; the empty file and directories count nothing.
    assertThat(base.size()).isEqualTo(2030);
    assertThat(base.entries())
        .extracting(e -> e.path().value())
        .containsExactly(
            "/bin",
            "/bin/tool",
            "/etc",
            "/etc/passwd",
            "/etc/empty",
            "/var/cache",
            "/var/cache/old.bin");
    LayerIndex top = image.layers().get(1).index();
    // data.txt 1000 once (the hardlink shares its inode, the first version is replaced) + the
    // symlink's target "data.txt" (8) + owned (1).
    assertThat(top.size()).isEqualTo(1009);
    assertThat(top.whiteouts()).containsExactly(UnixPath.of("/etc/passwd"));
    assertThat(top.opaqueDirs()).containsExactly(UnixPath.of("/var/cache"));
    assertThat(image.size()).isEqualTo(3039);
  }

  @Test
  void entriesCarryTypeModeOwnerLinkAndContentHash() {
    Image image =
        read(TestArchive.dockerSaveLegacy(SampleImages.app(TestCompression.NONE)).toBytes());
    List<FileEntry> top = image.layers().get(1).index().entries();

    FileEntry data = find(top, "/app/data.txt");
    assertThat(data.type()).isEqualTo(EntryType.FILE);
    assertThat(data.size()).isEqualTo(1000);
    assertThat(data.mode()).isEqualTo(0644);
    assertThat(data.contentHash()).isPresent();
    FileEntry link = find(top, "/app/data-link");
    assertThat(link.type()).isEqualTo(EntryType.HARDLINK);
    assertThat(link.linkTarget()).contains("/app/data.txt");
    assertThat(link.size()).isZero();
    FileEntry symlink = find(top, "/app/current");
    assertThat(symlink.type()).isEqualTo(EntryType.SYMLINK);
    assertThat(symlink.linkTarget()).contains("data.txt");
    FileEntry owned = find(top, "/app/owned");
    assertThat(owned.uid()).isEqualTo(1000);
    assertThat(owned.gid()).isEqualTo(1000);
    FileEntry old = find(image.layers().get(0).index().entries(), "/var/cache/old.bin");
    assertThat(old.contentHash()).isEqualTo(data.contentHash());
    assertThat(find(image.layers().get(0).index().entries(), "/bin/tool").contentHash())
        .isNotEqualTo(data.contentHash());
  }

  @Test
  void configAndHistoryArePairedWithLayersSkippingEmptySteps() {
    TestImage app = SampleImages.app(TestCompression.NONE);
    Image image = read(TestArchive.dockerSaveLegacy(app).toBytes());

    ImageConfig config = image.config();
    assertThat(config.platform()).isEqualTo("linux/amd64");
    assertThat(config.env()).containsExactly("PATH=/bin", "APP=1");
    assertThat(config.user()).isEqualTo("1000:1000");
    assertThat(config.workingDir()).isEqualTo("/app");
    assertThat(config.entrypoint()).containsExactly("/bin/tool");
    assertThat(config.cmd()).containsExactly("serve", "--port", "8080");
    assertThat(config.exposedPorts()).containsExactly("8080/tcp");
    assertThat(config.labels()).containsEntry("org.opencontainers.image.title", "app");
    assertThat(config.healthcheck().orElseThrow().test())
        .containsExactly("CMD-SHELL", "tool check");
    assertThat(config.healthcheck().orElseThrow().interval()).contains(Duration.ofSeconds(30));
    assertThat(config.healthcheck().orElseThrow().retries()).isEqualTo(3);
    assertThat(image.history())
        .extracting(HistoryEntry::createdBy)
        .containsExactly("COPY rootfs / # buildkit", "ENV APP=1", "RUN make");
    assertThat(image.layers())
        .extracting(l -> l.history().createdBy())
        .containsExactly("COPY rootfs / # buildkit", "RUN make");
    assertThat(image.configDigest().toString()).isEqualTo(TestArchive.imageId(app));
    assertThat(image.layers().get(1).diffId().toString())
        .isEqualTo(TestArchive.diffId(app.layers().get(1)));
  }

  @ParameterizedTest
  @EnumSource(TestCompression.class)
  void everyLayoutAndCompressionGivesTheSameImage(TestCompression compression) {
    Image legacy =
        read(TestArchive.dockerSaveLegacy(SampleImages.app(TestCompression.NONE)).toBytes());
    TestImage app = SampleImages.app(compression);
    Image saveOci = read(TestArchive.dockerSaveOci(app).toBytes());
    Image layoutTar = read(TestArchive.ociLayout(app).toBytes());
    Image layoutDir =
        ImageSource.open(TestArchive.ociLayout(app).writeDirectory(dir), ReadLimits.DEFAULT)
            .read(ImageSelector.only(PLATFORM));

    for (Image other : List.of(saveOci, layoutTar, layoutDir)) {
      assertThat(other.configDigest()).isEqualTo(legacy.configDigest());
      assertThat(other.config()).isEqualTo(legacy.config());
      assertThat(other.history()).isEqualTo(legacy.history());
      for (int i = 0; i < 2; i++) {
        Layer l = legacy.layers().get(i);
        Layer o = other.layers().get(i);
        assertThat(o.diffId()).isEqualTo(l.diffId());
        assertThat(o.index().entries()).isEqualTo(l.index().entries());
        assertThat(o.index().size()).isEqualTo(l.index().size());
        assertThat(o.index().tarBytes()).isEqualTo(l.index().tarBytes());
        assertThat(o.index().whiteouts()).isEqualTo(l.index().whiteouts());
        assertThat(o.index().opaqueDirs()).isEqualTo(l.index().opaqueDirs());
      }
    }
    assertThat(layoutTar.tags()).containsExactly("app:1");
    assertThat(saveOci.tags()).containsExactly("app:1");
    assertThat(layoutTar.layers().get(0).mediaType()).isEqualTo(compression.mediaType());
    assertThat(layoutTar.layers().get(0).blobDigest()).isPresent();
    assertThat(legacy.layers().get(0).blobDigest()).isEmpty();
    assertThat(layoutTar.layers().get(0).index().compressedExact())
        .isEqualTo(compression != TestCompression.NONE);
  }

  /** The uncompressed legacy save: what every other storage of the same layers must give. */
  private static void assertSameLayers(Image expected, Image actual) {
    assertThat(actual.layers()).hasSameSizeAs(expected.layers());
    for (int i = 0; i < expected.layers().size(); i++) {
      LayerIndex e = expected.layers().get(i).index();
      LayerIndex a = actual.layers().get(i).index();
      assertThat(actual.layers().get(i).diffId()).isEqualTo(expected.layers().get(i).diffId());
      assertThat(a.entries()).isEqualTo(e.entries());
      assertThat(a.whiteouts()).isEqualTo(e.whiteouts());
      assertThat(a.opaqueDirs()).isEqualTo(e.opaqueDirs());
      assertThat(a.size()).isEqualTo(e.size());
      assertThat(a.tarBytes()).isEqualTo(e.tarBytes());
    }
    assertThat(actual.size()).isEqualTo(3039);
  }

  @ParameterizedTest
  @EnumSource(
      value = TestCompression.class,
      names = {"GZIP", "ZSTD"})
  void aLegacySaveWithCompressedLayerTarsIsReadByMagicBytes(TestCompression compression) {
    Image plain =
        read(TestArchive.dockerSaveLegacy(SampleImages.app(TestCompression.NONE)).toBytes());
    TestImage app = SampleImages.app(compression);

    Image image = read(TestArchive.dockerSaveLegacy(app).toBytes());

    assertSameLayers(plain, image);
    // Exact: the stored layer.tar is the compressed blob, so its size is what a push sends.
    assertThat(image.layers().get(0).index().compressedExact()).isTrue();
    assertThat(image.layers().get(0).index().compressedBytes())
        .isEqualTo(compression.compress(app.layers().get(0).tar()).length);
  }

  @ParameterizedTest
  @EnumSource(
      value = TestCompression.class,
      names = {"NONE", "ZSTD"})
  void anOciManifestClaimingGzipForAnotherBlobIsReadByMagicBytes(TestCompression real) {
    Image plain =
        read(TestArchive.dockerSaveLegacy(SampleImages.app(TestCompression.NONE)).toBytes());
    TestImage lying = SampleImages.app(real);
    lying.layers().forEach(l -> l.declaredAs(TestCompression.GZIP));

    Image image = read(TestArchive.ociLayout(lying).toBytes());

    // The manifest did lie (its claim is kept as the layer's media type); reading ignored it.
    assertThat(image.layers().get(0).mediaType()).isEqualTo(TestCompression.GZIP.mediaType());
    assertSameLayers(plain, image);
    LayerIndex base = image.layers().get(0).index();
    assertThat(base.compressedExact()).isEqualTo(real != TestCompression.NONE);
    if (real == TestCompression.ZSTD) {
      assertThat(base.compressedBytes())
          .isEqualTo(real.compress(lying.layers().get(0).tar()).length);
    }
  }

  @Test
  void compressedBlobsGiveExactCompressedSizes() {
    TestImage app = SampleImages.app(TestCompression.GZIP);
    byte[] archive = TestArchive.ociLayout(app).toBytes();
    Image image = read(archive);
    Layer base = image.layers().get(0);
    assertThat(base.index().compressedExact()).isTrue();
    assertThat(base.index().compressedBytes())
        .isEqualTo(TestCompression.GZIP.compress(app.layers().get(0).tar()).length);
    assertThat(base.index().tarBytes()).isEqualTo(app.layers().get(0).tar().length);
  }

  @Test
  void fileAndDirectorySourcesReopenLayersAsUncompressedTars() throws IOException {
    TestImage app = SampleImages.app(TestCompression.ZSTD);
    Path tar = TestArchive.dockerSaveOci(app).writeTar(dir.resolve("app.tar"));
    Path layout =
        TestArchive.ociLayout(app).writeDirectory(Files.createDirectory(dir.resolve("oci")));
    for (Path path : List.of(tar, layout)) {
      ImageSource source = ImageSource.open(path, ReadLimits.DEFAULT);
      Image image = source.read(ImageSelector.only(PLATFORM));
      assertThat(source.reopenable()).isTrue();
      try (InputStream layer = source.openLayer(image.layers().get(1))) {
        assertThat(layer.readAllBytes()).isEqualTo(app.layers().get(1).tar());
      }
    }
  }

  @Test
  void aStreamSourceSaysItsLayersCannotBeReopened() {
    ImageSource source =
        ImageSource.stream(
            "docker save app:1",
            new ByteArrayInputStream(
                TestArchive.dockerSaveLegacy(SampleImages.app(TestCompression.NONE)).toBytes()),
            ReadLimits.DEFAULT);
    Image image = source.read(ImageSelector.only(PLATFORM));
    assertThat(source.reopenable()).isFalse();
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> source.openLayer(image.layers().get(0)))
        .hasMessageStartingWith("docker save app:1 was a one-shot stream, so layer '")
        .hasMessageEndingWith(
            "/layer.tar' cannot be re-opened: save the image to a file and read that instead");
  }

  static FileEntry find(List<FileEntry> entries, String path) {
    Optional<FileEntry> found =
        entries.stream().filter(e -> e.path().value().equals(path)).findFirst();
    return found.orElseThrow(() -> new AssertionError("no entry " + path));
  }
}
