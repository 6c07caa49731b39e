package dev.sizebot.diff;

import static dev.sizebot.diff.TestImages.file;
import static dev.sizebot.diff.TestImages.image;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sizebot.diff.FileChange.Kind;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ImageDiffTest {
  private static ImageDiff compare(TestImages base, TestImages head) {
    return ImageDiff.compare(Side.of(base.build()), Side.of(head.build()), 10);
  }

  private static List<String> files(ImageDiff diff) {
    return diff.files().largest().stream()
        .map(
            c ->
                c.kind()
                    + " "
                    + c.path()
                    + " "
                    + c.delta()
                    + " @"
                    + c.headStep().map(s -> s.index() + "").orElse("-"))
        .toList();
  }

  @Test
  void totalsAndPerStepDeltasAreExact() {
    var base =
        image().layer("COPY a /a", "a", "/a", 1_000).layer("RUN /bin/sh -c make", "m", "/m", 500);
    var head =
        image().layer("COPY a /a", "a", "/a", 1_000).layer("RUN /bin/sh -c make", "m2", "/m", 800);

    ImageDiff diff = compare(base, head);

    assertThat(diff.base().size()).isEqualTo(1_500);
    assertThat(diff.head().size()).isEqualTo(1_800);
    assertThat(diff.delta()).isEqualTo(300);
    assertThat(diff.percent()).contains(20.0);
    assertThat(diff.compressedDelta()).isEqualTo(400 - 250);
    assertThat(diff.steps()).extracting(StepChange::delta).containsExactly(0L, 300L);
    assertThat(files(diff)).containsExactly("GROWN /m 300 @1");
  }

  @Test
  void fileChangesNameEveryKindAndTheStepThatWroteIt() {
    var base =
        image()
            .layer("COPY app /app", "app1", "/app/keep", 10, "/app/old", 70, "/app/big", 100)
            .layer("COPY same /s", "s", "/s/f", 5);
    var head =
        image()
            .layer("COPY app /app", "app2", "/app/keep", 10, "/app/new", 40, "/app/big", 60)
            .layer("COPY same /s", "s", "/s/f", 5);

    ImageDiff diff = compare(base, head);

    assertThat(files(diff))
        .containsExactly(
            "REMOVED /app/old -70 @-",
            "SHRUNK /app/big -40 @0",
            "ADDED /app/new 40 @0",
            "MODIFIED /app/keep 0 @0");
    assertThat(diff.files().total()).isEqualTo(4);
    assertThat(diff.files().delta()).isEqualTo(-70);
    assertThat(diff.files().kinds())
        .contains(
            new FileDiff.KindTotal(Kind.ADDED, 1, 40),
            new FileDiff.KindTotal(Kind.REMOVED, 1, -70));
  }

  @Test
  void aFileMovedToAnotherStepIsMovedNotChanged() {
    // /data/x (500 bytes, same content) leaves the first RUN and is written by a later COPY.
    var base =
        image()
            .layer(
                "RUN /bin/sh -c gen",
                "g1",
                List.of(file("/data/x", 500, "x"), file("/g", 1, "g")),
                List.of(),
                501)
            .layer("COPY y /y", "y", "/y", 7);
    var head =
        image()
            .layer("RUN /bin/sh -c gen", "g2", List.of(file("/g", 1, "g")), List.of(), 1)
            .layer("COPY y /y", "y", "/y", 7)
            .layer("COPY x /data/x", "cx", List.of(file("/data/x", 500, "x")), List.of(), 500);

    ImageDiff diff = compare(base, head);

    assertThat(diff.delta()).isZero();
    assertThat(diff.steps())
        .extracting(StepChange::match, StepChange::delta)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(Match.CHANGED, -500L),
            org.assertj.core.groups.Tuple.tuple(Match.UNCHANGED, 0L),
            org.assertj.core.groups.Tuple.tuple(Match.ADDED, 500L));
    assertThat(files(diff)).containsExactly("MOVED /data/x 0 @2");
  }

  @Test
  void whiteoutsAndOpaqueDirectoriesRemoveFilesFromTheFinalFilesystem() {
    var base = image().layer("COPY d /d", "d", "/d/a", 10, "/d/sub/b", 20, "/e", 30);
    var head =
        image()
            .layer("COPY d /d", "d", "/d/a", 10, "/d/sub/b", 20, "/e", 30)
            .layer("RUN /bin/sh -c rm -rf /d/sub /e", "rm", List.of(), List.of("/d/sub", "/e"), 0);

    ImageDiff diff = compare(base, head);

    assertThat(diff.delta()).isZero(); // the engine still ships the deleted bytes
    assertThat(diff.head().files()).isEqualTo(1);
    assertThat(files(diff)).containsExactly("REMOVED /e -30 @-", "REMOVED /d/sub/b -20 @-");
  }

  @Test
  void driftIsToldApartFromTheBuildsOwnChange() {
    BuildSteps build = new BuildSteps(List.of(2, 3));
    var base =
        image()
            .layer("ADD rootfs.tar /", "os1", "/etc/os", 1_000)
            .empty("ENV A=1")
            .layer("RUN /bin/sh -c make", "m", "/m", 100);
    var head =
        image()
            .layer("ADD rootfs.tar /", "os2", "/etc/os", 1_200)
            .empty("ENV A=1")
            .layer("RUN /bin/sh -c make", "m2", "/m", 150);

    ImageDiff diff =
        ImageDiff.compare(
            new Side(base.build(), Optional.of(build), Optional.of(10L)),
            new Side(head.build(), Optional.of(build), Optional.of(4L)),
            10);

    assertThat(diff.drift().known()).isTrue();
    assertThat(diff.drift().drifted()).isTrue();
    assertThat(diff.drift().delta()).isEqualTo(200);
    assertThat(diff.delta()).isEqualTo(250);
    assertThat(diff.buildDelta()).isEqualTo(50);
    assertThat(diff.wasteDelta()).contains(-6L);
    assertThat(diff.steps())
        .extracting(c -> c.shown().line())
        .containsExactly(Optional.empty(), Optional.of(2), Optional.of(3));
  }

  @Test
  void anUnchangedBaseImageIsNoDrift() {
    BuildSteps build = new BuildSteps(List.of(2));
    var base =
        image()
            .layer("ADD rootfs.tar /", "os", "/etc/os", 1_000)
            .layer("RUN /bin/sh -c make", "m", "/m", 1);
    var head =
        image()
            .layer("ADD rootfs.tar /", "os", "/etc/os", 1_000)
            .layer("RUN /bin/sh -c make", "m2", "/m", 9);

    ImageDiff diff =
        ImageDiff.compare(
            new Side(base.build(), Optional.of(build), Optional.empty()),
            new Side(head.build(), Optional.of(build), Optional.empty()),
            10);

    assertThat(diff.drift().known()).isTrue();
    assertThat(diff.drift().drifted()).isFalse();
    assertThat(diff.buildDelta()).isEqualTo(8);
  }

  @Test
  void withoutDockerfilesDriftIsUnknownAndNothingIsClaimed() {
    var base = image().layer("ADD rootfs.tar /", "os1", "/etc/os", 1_000);
    var head = image().layer("ADD rootfs.tar /", "os2", "/etc/os", 1_100);

    ImageDiff diff = compare(base, head);

    assertThat(diff.drift()).isEqualTo(BaseImageDrift.UNKNOWN);
    assertThat(diff.buildDelta()).isEqualTo(100);
  }

  @Test
  void manyChangesAreSummedPerDirectory() {
    var base =
        image().layer("COPY lib /usr/lib", "l", "/usr/lib/py/a/x", 10, "/usr/lib/py/b/y", 10);
    var head =
        image()
            .layer(
                "COPY lib /usr/lib",
                "l2",
                "/usr/lib/py/a/x",
                15,
                "/usr/lib/py/b/y",
                30,
                "/usr/lib/py/z",
                5,
                "/etc/c",
                1);

    ImageDiff diff = compare(base, head);

    assertThat(diff.files().directories())
        .containsExactly(
            new DirectoryChange(dev.sizebot.common.UnixPath.of("/usr/lib/py"), 1, 0, 2, 20, 50),
            new DirectoryChange(dev.sizebot.common.UnixPath.of("/etc"), 1, 0, 0, 0, 1));
  }
}
