package dev.sizebot.rules;

import static dev.sizebot.testing.LayerBuilder.image;
import static dev.sizebot.testing.LayerBuilder.layer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sizebot.analysis.Analysis;
import dev.sizebot.analysis.Cause;
import dev.sizebot.common.UnixPath;
import dev.sizebot.image.Image;
import dev.sizebot.rules.ShippedBytes.Piece;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AnalysisEvidenceTest {
  // Layer 0 is the base image; line 4 installs (apt lists, gcc), line 5 downloads a 30 kB
  // archive and writes /opt/app, line 6 deletes the archive and rewrites /opt/app.
  private static final Image IMAGE =
      image(
          layer("base").dir("/usr").dir("/usr/bin").file("/usr/bin/sh", 1_000, "sh"),
          layer("RUN apt-get update && apt-get install -y gcc")
              .dir("/var/lib/apt/lists")
              .file("/var/lib/apt/lists/deb.debian.org_dists_Packages", 45_000, "p")
              .file("/var/lib/apt/lists/partial/lock", 200, "l")
              .file("/usr/bin/gcc-12", 5_000, "gcc")
              .symlink("/usr/bin/gcc", "gcc-12")
              .file("/usr/lib/gcc/x86_64-linux-gnu/12/cc1", 7_000, "cc1"),
          layer("RUN curl -o /tmp/big.tar.gz https://example.org/big.tar.gz")
              .file("/tmp/big.tar.gz", 30_000, "big")
              .file("/opt/app", 100, "v1"),
          layer("RUN rm /tmp/big.tar.gz && echo v2 > /opt/app")
              .whiteout("/tmp/big.tar.gz")
              .file("/opt/app", 50, "v2"));

  private static final Evidence EVIDENCE =
      new AnalysisEvidence(IMAGE, Analysis.of(IMAGE), new LayerLines(Map.of(4, 1, 5, 2, 6, 3)));

  private static Optional<Long> bytes(Optional<ShippedBytes> size) {
    return size.map(ShippedBytes::bytes);
  }

  @ParameterizedTest
  @CsvSource({
    "4, /var/lib/apt/lists, 45200",
    "4, /var/lib/apt/lists/partial, 200",
    "4, /var, 45200",
    "4, /, 57200",
    "5, /var/lib/apt/lists, 0",
    "5, /tmp, 30000",
    "6, /opt/app, 50",
  })
  void bytesUnderCountTheFileBytesTheInstructionsLayerAddsThere(int line, String dir, long want) {
    assertThat(bytes(EVIDENCE.bytesUnder(line, UnixPath.of(dir)))).contains(want);
  }

  @Test
  void anInstructionWithoutALayerHasNoAnswer() {
    assertThat(EVIDENCE.bytesUnder(2, UnixPath.of("/"))).isEmpty();
    assertThat(EVIDENCE.deletedLater(2, 6)).isEmpty();
    assertThat(EVIDENCE.deletedLater(5, 7)).isEmpty();
  }

  @Test
  void bytesCreatedAtOneLineAndDeletedOrOverwrittenAtALaterOneAreStillShipped() {
    // the 30 kB archive (whiteout) plus the first /opt/app (overwritten)
    assertThat(bytes(EVIDENCE.deletedLater(5, 6))).contains(30_100L);
    assertThat(bytes(EVIDENCE.deletedLater(4, 6))).contains(0L);
    assertThat(EVIDENCE.deletedLater(6, 5)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({
    "/usr/lib/gcc, 7000",
    "/usr/bin, 6000",
    "/var/lib/apt/lists, 45200",
    "/tmp, 0",
    "/tmp/big.tar.gz, 0",
    "/opt/app, 50",
    "/, 58250",
    "/usr/local/go, 0",
  })
  void finalBytesAreTheLiveFileBytesUnderThePath(String path, long want) {
    assertThat(bytes(EVIDENCE.finalBytesUnder(UnixPath.of(path)))).contains(want);
  }

  @ParameterizedTest
  @CsvSource({
    "/usr/bin/gcc, true",
    "/usr/bin/gcc-12, true",
    "/usr/lib/gcc, true",
    "/usr/bin/clang, false",
    "/tmp/big.tar.gz, false",
    "/opt/app, true",
  })
  void aProgramIsPresentWhenTheTopmostLayerMentioningItKeepsIt(String path, boolean want) {
    assertThat(EVIDENCE.presentInFinalImage(UnixPath.of(path))).contains(want);
  }

  @Test
  void aWhiteoutOrAFileOverAnAncestorRemovesThePathFromTheFinalImage() {
    Image image =
        image(
            layer("RUN install")
                .file("/usr/lib/gcc/cc1", 7_000, "cc1")
                .dir("/opt/x")
                .file("/opt/x/y", 5, "y"),
            layer("RUN purge").whiteout("/usr/lib/gcc").file("/opt/x", 3, "x"));
    Evidence evidence = new AnalysisEvidence(image, Analysis.of(image), new LayerLines(Map.of()));
    assertThat(evidence.presentInFinalImage(UnixPath.of("/usr/lib/gcc/cc1"))).contains(false);
    assertThat(evidence.presentInFinalImage(UnixPath.of("/opt/x/y"))).contains(false);
    assertThat(evidence.presentInFinalImage(UnixPath.of("/opt/x"))).contains(true);
    assertThat(bytes(evidence.finalBytesUnder(UnixPath.of("/usr/lib")))).contains(0L);
    assertThat(bytes(evidence.finalBytesUnder(UnixPath.of("/opt")))).contains(3L);
  }

  @Test
  void eachAnswerNamesTheLayerAndPathOfEveryByte() {
    assertThat(EVIDENCE.bytesUnder(4, UnixPath.of("/var/lib/apt")).orElseThrow().pieces())
        .isEqualTo(
            Map.of(
                new Piece(1, UnixPath.of("/var/lib/apt/lists/deb.debian.org_dists_Packages")),
                45_000L,
                new Piece(1, UnixPath.of("/var/lib/apt/lists/partial/lock")),
                200L));
    assertThat(EVIDENCE.deletedLater(5, 6).orElseThrow().pieces())
        .isEqualTo(
            Map.of(
                new Piece(2, UnixPath.of("/tmp/big.tar.gz")),
                30_000L,
                new Piece(2, UnixPath.of("/opt/app")),
                100L));
    // The live copy of /opt/app is layer 3's, not layer 2's dead one.
    assertThat(EVIDENCE.finalBytesUnder(UnixPath.of("/opt")).orElseThrow().pieces())
        .isEqualTo(Map.of(new Piece(3, UnixPath.of("/opt/app")), 50L));
  }

  @Test
  void deadFilesOfALineNameTheRemovingLineAndWhatItRemoved() {
    assertThat(EVIDENCE.deadFilesOf(5))
        .containsExactly(
            new DeadFile(
                ShippedBytes.of(2, UnixPath.of("/tmp/big.tar.gz"), 30_000),
                UnixPath.of("/tmp/big.tar.gz"),
                Optional.of(6),
                UnixPath.of("/tmp/big.tar.gz"),
                Cause.DELETED),
            new DeadFile(
                ShippedBytes.of(2, UnixPath.of("/opt/app"), 100),
                UnixPath.of("/opt/app"),
                Optional.of(6),
                UnixPath.of("/opt/app"),
                Cause.OVERWRITTEN));
    assertThat(EVIDENCE.deadFilesOf(4)).isEmpty();
    assertThat(EVIDENCE.deadFilesOf(2)).isEmpty();
  }

  @Test
  void aFileHiddenWithItsDirectoryNamesTheDeletedDirectory() {
    Image image =
        image(
            layer("base").file("/bin/sh", 10, "sh"),
            layer("COPY . /app").dir("/app/docs").file("/app/docs/a.pdf", 700, "a"),
            layer("RUN rm -rf /app/docs").whiteout("/app/docs"));
    Evidence evidence =
        new AnalysisEvidence(image, Analysis.of(image), new LayerLines(Map.of(3, 1, 4, 2)));
    List<DeadFile> dead = evidence.deadFilesOf(3);
    assertThat(dead).hasSize(1);
    assertThat(dead.get(0).removed()).isEqualTo(UnixPath.of("/app/docs"));
    assertThat(dead.get(0).removedAt()).contains(4);
    assertThat(dead.get(0).cause()).isEqualTo(Cause.PARENT_DELETED);
    // The base layer maps to no line: what it wastes is never asked about.
    assertThat(evidence.deadFilesOf(1)).isEmpty();
  }

  @Test
  void aMappingBeyondTheImagesLayersIsRejected() {
    assertThatThrownBy(
            () -> new AnalysisEvidence(IMAGE, Analysis.of(IMAGE), new LayerLines(Map.of(9, 4))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("line 9");
  }
}
