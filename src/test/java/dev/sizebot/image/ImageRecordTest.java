package dev.sizebot.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sizebot.cli.CacheDirectory;
import dev.sizebot.common.Digest;
import dev.sizebot.image.testing.TestArchive;
import dev.sizebot.image.testing.TestCompression;
import dev.sizebot.image.testing.TestImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An engine image kept whole in the layer cache: rebuilt from its record and layers exactly as the
 * save stream gave it, and never trusted when the record fails a check.
 */
class ImageRecordTest {
  private static final ImageSelector ANY = ImageSelector.only("linux/amd64");
  private static final byte[] LEGACY =
      TestArchive.dockerSaveLegacy(SampleImages.app(TestCompression.NONE)).toBytes();
  private static final int VERSION = LayerCache.ANALYSIS_VERSION;

  @TempDir Path dir;
  private final List<String> warnings = new CopyOnWriteArrayList<>();

  private LayerCache cache() {
    return LayerCache.lasting(new CacheDirectory(dir), warnings::add);
  }

  private static Image stream(LayerCache cache) {
    return ImageSource.stream(
            "docker save app", new ByteArrayInputStream(LEGACY), ReadLimits.DEFAULT, cache)
        .read(ANY);
  }

  private Path recordFile(Digest id) {
    return dir.resolve(new LastingLayers(new CacheDirectory(dir), warnings::add).imageFile(id));
  }

  @Test
  void anImageSavedOnceIsRebuiltInALaterRunEqualToTheSavedOne() {
    Image saved = stream(cache());
    LayerCache warm = cache();

    Image rebuilt =
        warm.image(saved.configDigest(), saved.tags(), ReadLimits.DEFAULT).orElseThrow();

    assertThat(rebuilt).isEqualTo(saved);
    assertThat(warm.imagesReused()).isEqualTo(1);
    assertThat(warm.layersReused()).isEqualTo(2);
    assertThat(warm.layersRead()).isZero();
    assertThat(warnings).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void aSaveWithGzipBlobsIsRebuiltFromTheGzipFormsMeasuredSizes(boolean oci) {
    // A containerd-store engine saves the blobs as pulled: the record names each layer's stored
    // form as its bytes told it (a legacy manifest's media type says plain tar even then), so the
    // rebuilt image keeps the exact compressed sizes, not a plain tar's estimate.
    TestImage gzip = SampleImages.app(TestCompression.GZIP);
    byte[] save =
        (oci ? TestArchive.dockerSaveOci(gzip) : TestArchive.dockerSaveLegacy(gzip)).toBytes();
    Image saved =
        ImageSource.stream(
                "docker save app", new ByteArrayInputStream(save), ReadLimits.DEFAULT, cache())
            .read(ANY);

    Image rebuilt =
        cache().image(saved.configDigest(), saved.tags(), ReadLimits.DEFAULT).orElseThrow();

    assertThat(rebuilt).isEqualTo(saved);
    assertThat(rebuilt.layers().get(0).index().compressedExact()).isTrue();
    assertThat(warnings).isEmpty();
  }

  @Test
  void theTagsAreTheOnesTheCallerSaysASaveWouldCarry() {
    Image saved = stream(cache());

    Image rebuilt =
        cache().image(saved.configDigest(), List.of("other:2"), ReadLimits.DEFAULT).orElseThrow();

    assertThat(rebuilt.tags()).containsExactly("other:2");
    assertThat(rebuilt.layers()).isEqualTo(saved.layers());
  }

  @Test
  void anArchiveFileIsNotKeptWholeBecauseOnlyEngineImagesAreLookedUpByTheirId() throws IOException {
    Path file = dir.resolve("app.tar");
    Files.write(file, LEGACY);
    Image read = ImageSource.open(file, ReadLimits.DEFAULT, cache()).read(ANY);

    assertThat(Files.exists(recordFile(read.configDigest()))).isFalse();
    assertThat(cache().image(read.configDigest(), List.of(), ReadLimits.DEFAULT)).isEmpty();
  }

  @Test
  void aMissingLayerMeansTheImageMustBeSaved() throws IOException {
    Image saved = stream(cache());
    Path layer =
        dir.resolve(
            new LastingLayers(new CacheDirectory(dir), warnings::add)
                .layerFile(new LayerCache.Form(saved.layers().get(1).diffId(), Compression.NONE)));
    Files.delete(layer);

    assertThat(cache().image(saved.configDigest(), List.of(), ReadLimits.DEFAULT)).isEmpty();
    assertThat(warnings).isEmpty();
  }

  @Test
  void moreEntriesThanTheLimitAllowsMeanTheImageMustBeSaved() {
    Image saved = stream(cache());
    int entries = saved.layers().stream().mapToInt(l -> l.index().entries().size()).sum();

    assertThat(
            cache()
                .image(saved.configDigest(), List.of(), ReadLimits.DEFAULT.withMaxEntries(entries)))
        .isPresent();
    assertThat(
            cache()
                .image(
                    saved.configDigest(),
                    List.of(),
                    ReadLimits.DEFAULT.withMaxEntries(entries - 1)))
        .isEmpty();
  }

  @Test
  void aTamperedRecordIsIgnoredWithOneWarning() throws IOException {
    Image saved = stream(cache());
    Path file = recordFile(saved.configDigest());
    String text = Files.readString(file);
    Files.writeString(file, text.replace("layer ", "layer x"));

    assertThat(cache().image(saved.configDigest(), List.of(), ReadLimits.DEFAULT)).isEmpty();
    assertThat(warnings)
        .containsExactly(
            "ignoring layer cache file "
                + file
                + " (not an image record, or its checksum does not match); saving the image from"
                + " the engine");
  }

  @Test
  void aRecordFiledUnderAnotherImageIdIsNeverTrusted() throws Exception {
    Image saved = stream(cache());
    byte[] record = Files.readAllBytes(recordFile(saved.configDigest()));
    Digest other = Digest.sha256("ab".repeat(32));

    assertThatThrownBy(() -> ImageRecord.decode(record, other, VERSION))
        .hasMessage("its config is not the one image " + other + " names");
  }

  @Test
  void aRecordOfAnotherVersionIsNeverTrusted() throws Exception {
    byte[] config = "{\"rootfs\":{\"diff_ids\":[]}}".getBytes(StandardCharsets.UTF_8);
    ImageRecord record = new ImageRecord(config, List.of());
    Digest id = ImageAssembly.sha256(config);

    assertThat(ImageRecord.decode(record.encode(VERSION), id, VERSION).config()).isEqualTo(config);
    assertThatThrownBy(() -> ImageRecord.decode(record.encode(VERSION + 1), id, VERSION))
        .hasMessage("an image record of another version");
  }
}
