package dev.sizebot.analysis;

import static dev.sizebot.testing.LayerBuilder.image;
import static dev.sizebot.testing.LayerBuilder.layer;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sizebot.common.UnixPath;
import dev.sizebot.image.Image;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnalysisTest {
  /**
   * The hand-built acceptance case of issue 2: a file written in layer 1, overwritten in 2 and
   * deleted in 3; a directory deleted; an opaque directory; a hardlink whose target is deleted
   * while the link survives; a symlink; an empty file overwritten; content duplicated.
   */
  static Image acceptanceImage() {
    return image(
        layer("ADD rootfs.tar /")
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
        layer("COPY data.bin one two /")
            .file("/data.bin", 1000, "h-d1")
            .dir("/opt")
            .file("/opt/one", 40, "h-dup")
            .file("/opt/two", 40, "h-dup"),
        layer("RUN make data && rm /bin/busybox")
            .dir("/bin")
            .whiteout("/bin/busybox")
            .file("/data.bin", 1200, "h-d2")
            .file("/empty", 0, "h-empty"),
        layer("RUN rm -rf /data.bin /cache && reset /var/lib")
            .whiteout("/data.bin")
            .whiteout("/cache")
            .dir("/var")
            .dir("/var/lib")
            .opaque("/var/lib")
            .file("/var/lib/z", 10, "h-z")
            .dir("/srv")
            .file("/srv/three", 40, "h-dup"));
  }

  @Test
  void reclaimableBytesArePerPathWithTheLayersThatAddedAndKilledThem() {
    Analysis analysis = Analysis.of(acceptanceImage());

    assertThat(analysis.reclaimable())
        .containsExactly(
            new WastedFile(path("/data.bin"), 1200, 2, 3, Cause.DELETED),
            new WastedFile(path("/data.bin"), 1000, 1, 2, Cause.OVERWRITTEN),
            new WastedFile(path("/cache/a"), 300, 0, 3, Cause.PARENT_DELETED),
            new WastedFile(path("/cache/sub/b"), 200, 0, 3, Cause.PARENT_DELETED),
            new WastedFile(path("/var/lib/y"), 70, 0, 3, Cause.OPAQUE_DIRECTORY),
            new WastedFile(path("/var/lib/x"), 50, 0, 3, Cause.OPAQUE_DIRECTORY));
    assertThat(analysis.reclaimableBytes()).isEqualTo(2820);
  }

  @Test
  void reclaimableBytesPerLayerSplitIntoShippedDeadAndMadeDead() {
    assertThat(Analysis.of(acceptanceImage()).layers())
        .containsExactly(
            new LayerWaste(0, 620, 0),
            new LayerWaste(1, 1000, 0),
            new LayerWaste(2, 1200, 1000),
            new LayerWaste(3, 0, 1820));
  }

  @Test
  void finalFilesystemKeepsHardlinkedBytesWhoseFirstNameWasDeleted() {
    FinalFilesystem fs = Analysis.of(acceptanceImage()).filesystem();

    // Live: /bin/sh (→ busybox's 500 bytes), /bin/ls, /empty, /opt/one, /opt/two, /var/lib/z,
    // /srv/three; dirs /bin /opt /var /var/lib /srv.
    assertThat(fs.files()).isEqualTo(5);
    assertThat(fs.hardlinks()).isEqualTo(1);
    assertThat(fs.symlinks()).isEqualTo(1);
    assertThat(fs.directories()).isEqualTo(5);
    assertThat(fs.others()).isZero();
    assertThat(fs.bytes()).isEqualTo(500 + 40 + 40 + 10 + 40);
    assertThat(fs.largest().get(0)).isEqualTo(new LargeFile(path("/bin/sh"), 500, 0));
  }

  @Test
  void duplicatesCountCopiesUnderDifferentPathsAndWhatOneCopyWouldSave() {
    Analysis analysis = Analysis.of(acceptanceImage());

    assertThat(analysis.duplicates())
        .containsExactly(
            new Duplicate(
                "h-dup", 40, List.of(path("/opt/one"), path("/opt/two"), path("/srv/three"))));
    assertThat(analysis.duplicateBytes()).isEqualTo(80);
  }

  @Test
  void diveMetricsFollowDivesDefinitions() {
    DiveMetrics dive = Analysis.of(acceptanceImage()).dive();

    // Leaves per layer (whiteouts sized by the directory tree they remove, 0 for a file):
    //   min per path:   busybox 0, sh 0, ls 0, a 300, b 200, x 50, y 70, empty 0, data.bin 0,
    //                   one 40, two 40, /cache 500, z 10, three 40          = 1250
    //   cumulative:     busybox 500, data.bin 1000+1200+0, /cache 500, the rest as above = 3950
    assertThat(dive.efficiency()).isEqualTo(1250.0 / 3950.0);
    // Paths in 2+ layers: /data.bin 2200, /bin/busybox 500 (still live through /bin/sh), /empty 0.
    assertThat(dive.inefficiencies())
        .containsExactly(
            new DivePath("/data.bin", 3, 2200),
            new DivePath("/bin/busybox", 2, 500),
            new DivePath("/empty", 2, 0));
    assertThat(dive.wastedBytes()).isEqualTo(2700);
    // dive's layer sizes: 1120, 1080, 1200, 50; user size drops the first layer.
    assertThat(dive.sizeBytes()).isEqualTo(3450);
    assertThat(dive.userSizeBytes()).isEqualTo(2330);
    assertThat(dive.userWastedRatio()).hasValue(2700.0 / 2330.0);
  }

  @Test
  void diveEfficiencyMatchesDivesOwnExampleWhereAnImpliedDirectoryIsDeleted() {
    // dive's filetree/efficiency_test.go: directories only implied by their files carry no size,
    // so the whiteout of /etc/nginx counts 0 and the score is 15000 / 20000.
    Image image =
        image(
            layer("a")
                .file("/etc/nginx/nginx.conf", 2000, "1")
                .file("/etc/nginx/public", 3000, "2"),
            layer("b").file("/etc/nginx/nginx.conf", 5000, "3").file("/etc/athing", 10000, "4"),
            layer("c").whiteout("/etc/nginx"));

    DiveMetrics dive = Analysis.of(image).dive();

    assertThat(dive.efficiency()).isEqualTo(0.75);
    assertThat(dive.wastedBytes()).isEqualTo(7000);
    assertThat(dive.inefficiencies())
        .containsExactly(new DivePath("/etc/nginx/nginx.conf", 2, 7000));
  }

  @Test
  void emptyImageIsFullyEfficientAndHasNoUserWastedRatio() {
    Analysis analysis = Analysis.of(image(layer("empty").file("/nothing", 0, "e")));

    assertThat(analysis.dive().efficiency()).isEqualTo(1.0);
    assertThat(analysis.dive().userWastedRatio()).isEmpty();
    assertThat(analysis.reclaimable()).isEmpty();
  }

  static UnixPath path(String p) {
    return UnixPath.of(p);
  }
}
