package dev.sizebot.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sizebot.cli.CacheDirectory;
import dev.sizebot.common.Digest;
import dev.sizebot.common.SizebotException;
import dev.sizebot.image.testing.TestArchive;
import dev.sizebot.image.testing.TestCompression;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class LayerCacheTest {
  private static final ImageSelector ANY = ImageSelector.only("linux/amd64");

  @TempDir Path dir;
  private final List<String> warnings = new CopyOnWriteArrayList<>();

  private static final byte[] LEGACY =
      TestArchive.dockerSaveLegacy(SampleImages.app(TestCompression.NONE)).toBytes();

  private LayerCache cache() {
    return LayerCache.lasting(new CacheDirectory(dir), warnings::add);
  }

  private static Image read(byte[] archive, LayerCache cache) {
    return ImageSource.stream(
            "test.tar", new ByteArrayInputStream(archive), ReadLimits.DEFAULT, cache)
        .read(ANY);
  }

  private Path layerFile(Digest diffId) {
    return dir.resolve(
        new LastingLayers(new CacheDirectory(dir), warnings::add).layerFile(plain(diffId)));
  }

  // The test archives' layers are plain tars.
  private static LayerCache.Form plain(Digest diffId) {
    return new LayerCache.Form(diffId, Compression.NONE);
  }

  @Test
  void aFirstReadAnalysesEveryLayerAndASecondRunReadsNone() {
    LayerCache cold = cache();
    Image first = read(LEGACY, cold);
    LayerCache warm = cache();
    Image second = read(LEGACY, warm);

    assertThat(cold.layersRead()).isEqualTo(2);
    assertThat(cold.layersReused()).isZero();
    assertThat(warm.layersRead()).isZero();
    assertThat(warm.layersReused()).isEqualTo(2);
    assertThat(second).isEqualTo(first);
    assertThat(second).isEqualTo(read(LEGACY, LayerCache.inMemory()));
    assertThat(warnings).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(
      value = TestCompression.class,
      names = {"NONE", "GZIP"})
  void ociLayoutBlobsAreReusedByTheirDigestAndKeepTheirExactSizes(TestCompression compression)
      throws IOException {
    Path layout =
        TestArchive.ociLayout(SampleImages.app(compression)).writeDirectory(dir.resolve("oci"));
    Path cacheDir = dir.resolve("cache");
    Image first =
        ImageSource.open(
                layout,
                ReadLimits.DEFAULT,
                LayerCache.lasting(new CacheDirectory(cacheDir), warnings::add))
            .read(ANY);
    LayerCache warm = LayerCache.lasting(new CacheDirectory(cacheDir), warnings::add);
    Image second = ImageSource.open(layout, ReadLimits.DEFAULT, warm).read(ANY);

    assertThat(warm.layersRead()).isZero();
    assertThat(second).isEqualTo(first);
    assertThat(second.layers().get(0).index().compressedExact())
        .isEqualTo(compression != TestCompression.NONE);
    assertThat(warnings).isEmpty();
  }

  @Test
  void aLayerKeptAsAPlainTarAndAsAGzipBlobIsTwoEntriesEachReusedWithoutAWarning() {
    // One layer content, two stored forms: the gzip blob's compressed size is measured, the plain
    // tar's estimated, so neither entry may stand in for the other.
    byte[] gzipSave = TestArchive.dockerSaveOci(SampleImages.app(TestCompression.GZIP)).toBytes();
    Image plain = read(LEGACY, cache());
    Image gzip = read(gzipSave, cache());
    LayerCache warm = cache();

    assertThat(gzip.layers().get(0).diffId()).isEqualTo(plain.layers().get(0).diffId());
    assertThat(read(LEGACY, warm)).isEqualTo(plain);
    assertThat(read(gzipSave, warm)).isEqualTo(gzip);
    assertThat(warm.layersRead()).isZero();
    assertThat(warm.layersReused()).isEqualTo(2);
    assertThat(gzip.layers().get(0).index().compressedExact()).isTrue();
    assertThat(plain.layers().get(0).index().compressedExact()).isFalse();
    assertThat(warnings).isEmpty();
  }

  @Test
  void aMissReadsTheLayerAndFillsTheCacheForNextTime() {
    Image image = read(LEGACY, cache());
    Digest base = image.layers().get(0).diffId();
    assertThat(layerFile(base)).exists();
    try (Stream<Path> files = Files.walk(dir)) {
      assertThat(files.filter(p -> p.toString().endsWith(".tmp"))).isEmpty();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void aCorruptEntryIsIgnoredWithOneWarningAndTheLayerIsReadAgain() throws IOException {
    Image first = read(LEGACY, cache());
    Path file = layerFile(first.layers().get(1).diffId());
    byte[] bytes = Files.readAllBytes(file);
    bytes[bytes.length - 3] ^= 0x55;
    Files.write(file, bytes);

    LayerCache again = cache();
    Image second = read(LEGACY, again);

    assertThat(second).isEqualTo(first);
    assertThat(again.layersRead()).isEqualTo(1);
    assertThat(again.layersReused()).isEqualTo(1);
    assertThat(warnings)
        .containsExactly(
            "ignoring layer cache file " + file + " (checksum mismatch); reading the layer");
    // The entry was written again whole: a third run trusts it.
    LayerCache third = cache();
    read(LEGACY, third);
    assertThat(third.layersRead()).isZero();
    assertThat(warnings).hasSize(1);
  }

  @Test
  void aTruncatedEntryIsIgnoredWithOneWarning() throws IOException {
    Image first = read(LEGACY, cache());
    Path file = layerFile(first.layers().get(0).diffId());
    byte[] bytes = Files.readAllBytes(file);
    Files.write(file, Arrays.copyOf(bytes, bytes.length / 2));

    LayerCache again = cache();
    assertThat(read(LEGACY, again)).isEqualTo(first);
    assertThat(again.layersRead()).isEqualTo(1);
    assertThat(warnings).hasSize(1);
    assertThat(warnings.get(0))
        .startsWith("ignoring layer cache file " + file + " (payload is ")
        .endsWith("); reading the layer");
  }

  @Test
  void anEntryOfAnotherAnalysisVersionIsNeverTrusted() throws Exception {
    Image first = read(LEGACY, cache());
    Digest diffId = first.layers().get(0).diffId();
    IndexedLayer real =
        CacheEntry.decode(
            Files.readAllBytes(layerFile(diffId)), diffId, LayerCache.ANALYSIS_VERSION);
    Files.write(layerFile(diffId), CacheEntry.encode(diffId, 99, real));

    LayerCache again = cache();
    assertThat(read(LEGACY, again)).isEqualTo(first);
    assertThat(again.layersRead()).isEqualTo(1);
    assertThat(warnings)
        .containsExactly(
            "ignoring layer cache file "
                + layerFile(diffId)
                + " (written by analysis version 99, this is "
                + LayerCache.ANALYSIS_VERSION
                + "); reading the layer");
  }

  @Test
  void anEntryHoldingAnotherLayerIsNeverTrusted() throws IOException {
    Image first = read(LEGACY, cache());
    Digest base = first.layers().get(0).diffId();
    Digest top = first.layers().get(1).diffId();
    Files.copy(layerFile(top), layerFile(base), java.nio.file.StandardCopyOption.REPLACE_EXISTING);

    LayerCache again = cache();
    assertThat(read(LEGACY, again)).isEqualTo(first);
    assertThat(again.layersRead()).isEqualTo(1);
    assertThat(warnings)
        .containsExactly(
            "ignoring layer cache file "
                + layerFile(base)
                + " (holds layer "
                + top
                + "); reading the layer");
  }

  @Test
  void aMemberRecordThatLiesAboutItsLayerStopsTheRunInsteadOfBeingTrusted() throws IOException {
    Image first = read(LEGACY, cache());
    Digest base = first.layers().get(0).diffId();
    Digest top = first.layers().get(1).diffId();
    // Make the top layer's entry claim the base layer's bytes, same stored size, and point the
    // base's member record at it: only the config can tell.
    LastingLayers disk = new LastingLayers(new CacheDirectory(dir), warnings::add);
    IndexedLayer topLayer = disk.layer(plain(top)).orElseThrow();
    IndexedLayer baseLayer = disk.layer(plain(base)).orElseThrow();
    disk.store(
        plain(top),
        new IndexedLayer(topLayer.index(), topLayer.compression(), baseLayer.storedBytes()));
    String baseMember = memberNamed(base, first);
    disk.storeMember(baseMember, top);

    assertThatThrownBy(() -> read(LEGACY, cache()))
        .isInstanceOf(SizebotException.class)
        .hasMessageContaining("took archive member '" + baseMember + "' for layer " + top)
        .hasMessageContaining("delete it or run with --no-cache");
    assertThat(dir.resolve(disk.memberFile(baseMember))).doesNotExist();
  }

  private static String memberNamed(Digest diffId, Image image) {
    ArchiveContents contents =
        new ArchiveScan(ReadLimits.DEFAULT, LayerCache.inMemory())
            .scan(new ByteArrayInputStream(LEGACY), "test.tar");
    return contents.layers.keySet().stream()
        .filter(p -> contents.layers.get(p).index().equals(image.layers().get(0).index()))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void oneCacheSharedBySeveralSourcesReadsEachLayerOnceInARun() throws IOException {
    LayerCache run = LayerCache.inMemory();
    Path file = Files.write(dir.resolve("app.tar"), LEGACY);
    Image fromFile = ImageSource.open(file, ReadLimits.DEFAULT, run).read(ANY);
    Image fromStream = read(LEGACY, run);

    assertThat(fromStream).isEqualTo(fromFile);
    assertThat(run.layersRead()).isEqualTo(2);
    assertThat(run.layersReused()).isEqualTo(2);
    assertThat(dir.resolve("layers")).doesNotExist();
  }

  @Test
  void parallelRunsWritingOneDirectoryLeaveWholeEntriesOnly() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Image>> runs = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        runs.add(pool.submit(() -> read(LEGACY, cache())));
      }
      Image expected = read(LEGACY, LayerCache.inMemory());
      for (Future<Image> run : runs) {
        assertThat(run.get()).isEqualTo(expected);
      }
    } finally {
      pool.shutdown();
    }
    LayerCache after = cache();
    read(LEGACY, after);
    assertThat(after.layersRead()).isZero();
    assertThat(warnings).isEmpty();
    try (Stream<Path> files = Files.walk(dir)) {
      assertThat(files.filter(p -> p.toString().endsWith(".tmp"))).isEmpty();
    }
  }
}
