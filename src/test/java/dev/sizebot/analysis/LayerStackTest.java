package dev.sizebot.analysis;

import static dev.sizebot.analysis.AnalysisTest.path;
import static dev.sizebot.testing.LayerBuilder.image;
import static dev.sizebot.testing.LayerBuilder.layer;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LayerStackTest {
  @Test
  void hardlinkedBytesDieOnlyWithTheirLastName() {
    Analysis analysis =
        Analysis.of(
            image(
                layer("base").file("/a", 100, "h").hardlink("/b", "/a"),
                layer("rm a").whiteout("/a"),
                layer("rm b").whiteout("/b")));

    assertThat(analysis.reclaimable())
        .containsExactly(new WastedFile(path("/a"), 100, 0, 2, Cause.DELETED));
    assertThat(analysis.layers())
        .containsExactly(
            new LayerWaste(0, 100, 0), new LayerWaste(1, 0, 0), new LayerWaste(2, 0, 100));
    assertThat(analysis.filesystem().bytes()).isZero();
  }

  @Test
  void deletingADirectoryReachesFilesWhoseParentsHaveNoEntries() {
    // Layer tars need not list every parent directory; the deleted subtree must still be found.
    Analysis analysis =
        Analysis.of(
            image(
                layer("base")
                    .file("/d/a/b/deep", 30, "p")
                    .file("/d/top", 5, "t")
                    .file("/e", 1, "e"),
                layer("rm d").whiteout("/d")));

    assertThat(analysis.reclaimable())
        .containsExactly(
            new WastedFile(path("/d/a/b/deep"), 30, 0, 1, Cause.PARENT_DELETED),
            new WastedFile(path("/d/top"), 5, 0, 1, Cause.PARENT_DELETED));
    assertThat(analysis.filesystem().bytes()).isEqualTo(1);
  }

  @Test
  void aPathRemovedAndAddedAgainIsDeletedWithItsDirectoryLater() {
    Analysis analysis =
        Analysis.of(
            image(
                layer("base").dir("/d").file("/d/f", 10, "f1"),
                layer("rm f").whiteout("/d/f"),
                layer("f again").file("/d/f", 20, "f2"),
                layer("rm d").whiteout("/d")));

    assertThat(analysis.reclaimable())
        .containsExactly(
            new WastedFile(path("/d/f"), 20, 2, 3, Cause.PARENT_DELETED),
            new WastedFile(path("/d/f"), 10, 0, 1, Cause.DELETED));
    assertThat(analysis.filesystem().bytes()).isZero();
  }

  @Test
  void aHardlinkedFileIsNamedByItsSmallestLivePath() {
    Analysis analysis =
        Analysis.of(
            image(layer("base").file("/z", 100, "h").hardlink("/m", "/z").hardlink("/a", "/z")), 1);

    assertThat(analysis.filesystem().largest())
        .extracting(LargeFile::path)
        .containsExactly(path("/a"));
  }

  @Test
  void hardlinksToOneFileAreNotDuplicates() {
    Analysis analysis = Analysis.of(image(layer("base").file("/a", 100, "h").hardlink("/b", "/a")));

    assertThat(analysis.duplicates()).isEmpty();
    assertThat(analysis.filesystem().bytes()).isEqualTo(100);
  }

  @Test
  void directoryReplacedByAFileTakesItsContentsWithIt() {
    Analysis analysis =
        Analysis.of(
            image(
                layer("base").dir("/d").file("/d/f", 10, "f").dir("/d/e").file("/d/e/g", 20, "g"),
                layer("file over dir").file("/d", 5, "d")));

    assertThat(analysis.reclaimable())
        .containsExactly(
            new WastedFile(path("/d/e/g"), 20, 0, 1, Cause.PARENT_REPLACED),
            new WastedFile(path("/d/f"), 10, 0, 1, Cause.PARENT_REPLACED));
    assertThat(analysis.filesystem().files()).isEqualTo(1);
    assertThat(analysis.filesystem().directories()).isZero();
  }

  @Test
  void fileReplacedByADirectoryIsOverwrittenEvenWhenTheDirectoryIsOnlyImplied() {
    Analysis analysis =
        Analysis.of(
            image(
                layer("base").file("/x", 7, "x").file("/y", 9, "y"),
                layer("dirs over files").dir("/x").file("/y/inside", 1, "i")));

    assertThat(analysis.reclaimable())
        .containsExactly(
            new WastedFile(path("/y"), 9, 0, 1, Cause.OVERWRITTEN),
            new WastedFile(path("/x"), 7, 0, 1, Cause.OVERWRITTEN));
  }

  @Test
  void directoryOverDirectoryKeepsLowerChildren() {
    Analysis analysis =
        Analysis.of(
            image(layer("base").dir("/d").file("/d/f", 10, "f"), layer("chmod dir").dir("/d")));

    assertThat(analysis.reclaimable()).isEmpty();
    assertThat(analysis.filesystem().bytes()).isEqualTo(10);
  }

  @Test
  void whiteoutsAndOpaqueMarkersOnlyHideLowerLayers() {
    Analysis analysis =
        Analysis.of(
            image(
                layer("base").dir("/d").file("/d/old", 3, "o"),
                layer("same layer")
                    .opaque("/d")
                    .dir("/d")
                    .file("/d/new", 4, "n")
                    .whiteout("/gone")
                    .file("/gone", 6, "g")));

    assertThat(analysis.reclaimable())
        .containsExactly(new WastedFile(path("/d/old"), 3, 0, 1, Cause.OPAQUE_DIRECTORY));
    assertThat(analysis.filesystem().bytes()).isEqualTo(10);
  }

  @Test
  void opaqueRootHidesEverythingBelow() {
    Analysis analysis =
        Analysis.of(
            image(layer("base").dir("/a").file("/a/b", 2, "b"), layer("reset").opaque("/")));

    assertThat(analysis.reclaimableBytes()).isEqualTo(2);
    assertThat(analysis.filesystem().directories()).isZero();
  }

  @Test
  void siblingWithACommonPrefixSurvivesADirectoryDelete() {
    Analysis analysis =
        Analysis.of(
            image(
                layer("base")
                    .dir("/a")
                    .file("/a/x", 1, "1")
                    .file("/a.txt", 2, "2")
                    .file("/a0", 3, "3"),
                layer("rm").whiteout("/a")));

    assertThat(analysis.reclaimable())
        .containsExactly(new WastedFile(path("/a/x"), 1, 0, 1, Cause.PARENT_DELETED));
    assertThat(analysis.filesystem().bytes()).isEqualTo(5);
  }
}
