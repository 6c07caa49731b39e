package dev.sizebot.image;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sizebot.common.ExitCode;
import dev.sizebot.common.SizebotException;
import dev.sizebot.image.testing.TestArchive;
import dev.sizebot.image.testing.TestArchive.FileMember;
import dev.sizebot.image.testing.TestArchive.SymlinkMember;
import dev.sizebot.image.testing.TestCompression;
import dev.sizebot.image.testing.TestImage;
import dev.sizebot.image.testing.TestLayer;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Broken and hostile archives: one clear line each, exit 2, never a hang or an OOM. */
@Timeout(20)
class BadInputTest {
  private static String failure(byte[] archive) {
    return failure(archive, ReadLimits.DEFAULT);
  }

  private static String failure(byte[] archive, ReadLimits limits) {
    Throwable thrown =
        org.assertj.core.api.Assertions.catchThrowable(
            () ->
                ImageSource.stream("bad.tar", new ByteArrayInputStream(archive), limits)
                    .read(ImageSelector.only("linux/amd64")));
    assertThat(thrown).isInstanceOf(SizebotException.class);
    SizebotException e = (SizebotException) thrown;
    assertThat(e.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(e.getMessage()).doesNotContain("\n");
    return e.getMessage();
  }

  private static TestImage oneLayer(TestLayer layer) {
    return TestImage.tagged("bad:1").layer(layer);
  }

  private static TestLayer bigLayer(TestCompression compression) {
    byte[] text = SampleImages.repeat("line of some text 0123456789\n", 20_000);
    return TestLayer.step("RUN x").file("/big.txt", text).compression(compression);
  }

  @Test
  void aTruncatedArchiveIsRefused() {
    byte[] archive =
        TestArchive.dockerSaveLegacy(oneLayer(bigLayer(TestCompression.NONE))).toBytes();
    byte[] cut = Arrays.copyOf(archive, archive.length / 2);

    assertThat(failure(cut))
        .matches(
            "bad.tar: layer '[0-9a-f]{64}/layer.tar' is not a readable tar layer \\(truncated tar:"
                + " the stream ends inside an entry at byte "
                + cut.length
                + "\\): the archive is truncated or corrupt, save it again");
  }

  @Test
  void anArchiveCutAtAMemberBoundaryIsRefusedForItsMissingManifest() {
    byte[] archive =
        TestArchive.dockerSaveLegacy(oneLayer(bigLayer(TestCompression.NONE))).toBytes();
    byte[] cut = Arrays.copyOf(archive, 1024);

    assertThat(failure(cut))
        .isEqualTo(
            "bad.tar is not an image archive: it has neither manifest.json (docker save) nor"
                + " index.json (OCI layout)");
  }

  @ParameterizedTest
  @ValueSource(strings = {"GZIP", "ZSTD"})
  void corruptCompressedLayersAreRefused(String kind) {
    TestCompression compression = TestCompression.valueOf(kind);
    TestLayer layer = bigLayer(compression);
    TestArchive archive = TestArchive.ociLayout(oneLayer(layer));
    String path = TestArchive.blobPath(layer);
    archive.corrupt(path);

    assertThat(failure(archive.toBytes()))
        .startsWith(
            "bad.tar: layer '" + path + "' is not a readable " + kind.toLowerCase() + " layer (");
  }

  @Test
  void aDecompressionBombIsStoppedAtTheRatioCap() {
    TestLayer layer =
        TestLayer.step("RUN bomb")
            .file("/zeros", new byte[8 << 20])
            .compression(TestCompression.ZSTD);
    TestArchive archive = TestArchive.ociLayout(oneLayer(layer));
    long compressed = archive.content(TestArchive.blobPath(layer)).length;
    ReadLimits limits = ReadLimits.DEFAULT.withMaxExpansion(100, 0);

    assertThat(failure(archive.toBytes(), limits))
        .isEqualTo(
            "bad.tar: layer '"
                + TestArchive.blobPath(layer)
                + "' expands past "
                + compressed * 100
                + " uncompressed bytes (decompression bomb?): raise the read limits only if you"
                + " trust this image");
  }

  @Test
  void aLayerPastTheAbsoluteCapIsStopped() {
    TestLayer layer = bigLayer(TestCompression.NONE);
    byte[] archive = TestArchive.dockerSaveLegacy(oneLayer(layer)).toBytes();

    assertThat(failure(archive, ReadLimits.DEFAULT.withMaxLayerBytes(100_000)))
        .endsWith(
            "/layer.tar' expands past 100000 uncompressed bytes (decompression bomb?): raise the"
                + " read limits only if you trust this image");
  }

  @Test
  void aFloodOfEntriesIsStoppedAtTheEntryCap() {
    TestLayer layer = TestLayer.step("RUN touch");
    for (int i = 0; i < 50; i++) {
      layer.file("/f" + i, "");
    }
    byte[] archive = TestArchive.dockerSaveLegacy(oneLayer(layer)).toBytes();
    assertThat(failure(archive, ReadLimits.DEFAULT.withMaxEntries(40)))
        .matches(
            "bad.tar: layer '[0-9a-f]{64}/layer.tar' has more than 40 file entries in total, more"
                + " than sizebot's Java heap can analyse: if you trust this image, give it more"
                + " heap \\(e.g. SIZEBOT_JAVA_OPTS=-Xmx1g\\)");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"../etc/passwd", "/../etc/passwd", "./../x", "app/../../x", "app/..", ".."})
  void unsafeEntryNamesInALayerAreRefused(String name) {
    TestLayer layer = TestLayer.step("RUN x").rawFile(name, new byte[] {1});
    assertThat(failure(TestArchive.ociLayout(oneLayer(layer)).toBytes()))
        .isEqualTo(
            "bad.tar: layer '"
                + TestArchive.blobPath(layer)
                + "' has an unsafe entry name '"
                + name
                + "' ('..' or NUL): refusing to read this archive");
  }

  @Test
  void aNulInAnEntryNameIsRefused() {
    TestLayer layer = TestLayer.step("RUN x").rawPaxFile("etc/pass\0wd", new byte[] {1});
    assertThat(failure(TestArchive.ociLayout(oneLayer(layer)).toBytes()))
        .endsWith(
            "has an unsafe entry name 'etc/pass\\0wd' ('..' or NUL): refusing to read this archive");
  }

  @Test
  void unsafeArchiveMemberNamesAreRefused() {
    byte[] archive = TestArchive.tar(List.of(new FileMember("../manifest.json", new byte[] {'['})));
    assertThat(failure(archive))
        .isEqualTo(
            "bad.tar has an unsafe entry name '../manifest.json' ('..' or NUL): refusing"
                + " to read this archive");
  }

  @Test
  void aNulInAnArchiveMemberNameIsRefused() {
    byte[] archive = TestArchive.tar(List.of(new FileMember("manif\0est.json", new byte[] {'['})));
    assertThat(failure(archive))
        .isEqualTo(
            "bad.tar has an unsafe entry name 'manif\\0est.json' ('..' or NUL): refusing"
                + " to read this archive");
  }

  @Test
  void aMalformedManifestIsRefused() {
    TestArchive archive = TestArchive.dockerSaveLegacy(SampleImages.app(TestCompression.NONE));
    archive.with(
        new FileMember("manifest.json", "[{\"Config\": ".getBytes(StandardCharsets.UTF_8)));
    assertThat(failure(archive.toBytes()))
        .startsWith("bad.tar: manifest 'manifest.json' is not valid JSON: Unexpected end-of-input");
  }

  @Test
  void aManifestWithoutLayersIsRefused() {
    TestArchive archive = TestArchive.dockerSaveLegacy(SampleImages.app(TestCompression.NONE));
    archive.with(
        new FileMember(
            "manifest.json", "[{\"Config\":\"x.json\"}]".getBytes(StandardCharsets.UTF_8)));
    assertThat(failure(archive.toBytes()))
        .isEqualTo(
            "bad.tar: manifest.json has an entry without Config or Layers: the archive is corrupt");
  }

  @Test
  void aMalformedIndexIsRefused() {
    TestArchive archive = TestArchive.ociLayout(SampleImages.app(TestCompression.GZIP));
    archive.with(
        new FileMember("index.json", "{\"manifests\": 7}".getBytes(StandardCharsets.UTF_8)));
    assertThat(failure(archive.toBytes()))
        .isEqualTo("bad.tar: index.json has no manifests list: not an OCI index");
  }

  @Test
  void anArchiveWithoutManifestOrIndexIsRefused() {
    byte[] archive = TestArchive.tar(List.of(new FileMember("hello.txt", new byte[] {'h', 'i'})));
    assertThat(failure(archive))
        .isEqualTo(
            "bad.tar is not an image archive: it has neither manifest.json (docker save) nor"
                + " index.json (OCI layout)");
  }

  @Test
  void aManifestNamingAMissingLayerIsRefused() {
    TestImage app = SampleImages.app(TestCompression.GZIP);
    String path = TestArchive.blobPath(app.layers().get(1));
    TestArchive archive = TestArchive.dockerSaveOci(app).without(path);
    assertThat(failure(archive.toBytes()))
        .isEqualTo(
            "bad.tar: the manifest names layer '"
                + path
                + "' but the archive does not contain it: the archive is incomplete, save the"
                + " image again");
  }

  @Test
  void aLegacyManifestNamingAMissingLayerIsRefused() {
    TestArchive archive = TestArchive.dockerSaveLegacy(SampleImages.app(TestCompression.NONE));
    // The top layer's <id>/layer.tar: ids chain from the parent, so find it in the manifest.
    String manifest = new String(archive.content("manifest.json"), StandardCharsets.UTF_8);
    String path = manifest.replaceAll("(?s).*\"([0-9a-f]{64}/layer\\.tar)\"\\].*", "$1");
    assertThat(path).matches("[0-9a-f]{64}/layer\\.tar");
    assertThat(failure(archive.without(path).toBytes()))
        .isEqualTo(
            "bad.tar: the manifest names layer '"
                + path
                + "' but the archive does not contain it: the archive is incomplete, save the"
                + " image again");
  }

  @ParameterizedTest
  @ValueSource(strings = {"manifest", "config"})
  void anOciLayoutIndexNamingAMissingBlobIsRefused(String what, @TempDir Path dir) {
    TestImage app = SampleImages.app(TestCompression.GZIP);
    String path = "blobs/sha256/" + (what.equals("config") ? configHex(app) : manifestHex(app));
    TestArchive archive = TestArchive.ociLayout(app).without(path);
    String line =
        ": "
            + what
            + " '"
            + path
            + "' is missing from the archive: the archive is"
            + " incomplete, save the image again";

    assertThat(failure(archive.toBytes())).isEqualTo("bad.tar" + line);
    Throwable fromDir =
        org.assertj.core.api.Assertions.catchThrowable(
            () ->
                ImageSource.open(archive.writeDirectory(dir), ReadLimits.DEFAULT)
                    .read(ImageSelector.only("linux/amd64")));
    assertThat(fromDir).isInstanceOf(SizebotException.class).hasMessage(dir + line);
  }

  private static String configHex(TestImage image) {
    return TestArchive.imageId(image).substring("sha256:".length());
  }

  /** The manifest digest index.json names (a one-platform layout points straight at it). */
  private static String manifestHex(TestImage image) {
    String index =
        new String(TestArchive.ociLayout(image).content("index.json"), StandardCharsets.UTF_8);
    return index.replaceAll("(?s).*\"digest\":\"sha256:([0-9a-f]{64})\".*", "$1");
  }

  @Test
  void symlinkLoopsBetweenLayerPathsAreRefused() {
    TestArchive archive = TestArchive.dockerSaveOci(oneLayer(bigLayer(TestCompression.NONE)));
    String manifest = new String(archive.content("manifest.json"), StandardCharsets.UTF_8);
    archive
        .with(
            new FileMember(
                "manifest.json",
                manifest
                    .replaceAll("blobs/sha256/[0-9a-f]{64}\"\\]", "a/layer.tar\"]")
                    .getBytes(StandardCharsets.UTF_8)))
        .with(new SymlinkMember("a/layer.tar", "../b/layer.tar"))
        .with(new SymlinkMember("b/layer.tar", "../a/layer.tar"));

    assertThat(failure(archive.toBytes()))
        .isEqualTo("bad.tar: symlink loop at 'a/layer.tar': the archive is corrupt, save it again");
  }

  @Test
  void aSymlinkLoopInALayoutDirectoryIsRefused(@TempDir Path dir) throws Exception {
    TestImage app = SampleImages.app(TestCompression.GZIP);
    TestArchive.ociLayout(app).writeDirectory(dir);
    Path blob = dir.resolve(TestArchive.blobPath(app.layers().get(0)));
    Files.delete(blob);
    Files.createSymbolicLink(blob, blob.getFileName());

    SizebotException e =
        (SizebotException)
            org.assertj.core.api.Assertions.catchThrowable(
                () ->
                    ImageSource.open(dir, ReadLimits.DEFAULT)
                        .read(ImageSelector.only("linux/amd64")));
    assertThat(e.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(e.getMessage())
        .startsWith(
            dir
                + ": cannot read '"
                + TestArchive.blobPath(app.layers().get(0))
                + "': Too many levels of symbolic links");
  }

  @Test
  void aSymlinkOutOfTheArchiveIsRefused() {
    byte[] archive =
        TestArchive.tar(List.of(new SymlinkMember("manifest.json", "../../etc/passwd")));
    assertThat(failure(archive))
        .isEqualTo(
            "bad.tar has an unsafe link target '../../etc/passwd' (absolute, '..' above the"
                + " archive or NUL): refusing to read this archive");
  }
}
