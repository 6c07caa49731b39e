package dev.sizebot.diff;

import static dev.sizebot.diff.TestImages.image;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StepAlignmentTest {
  private static List<Step> steps(TestImages image) {
    return Steps.of(image.build(), Optional.empty());
  }

  private static List<String> rows(List<StepChange> changes) {
    return changes.stream()
        .map(
            c ->
                c.match()
                    + " "
                    + c.base().map(s -> s.index() + "").orElse("-")
                    + "/"
                    + c.head().map(s -> s.index() + "").orElse("-"))
        .toList();
  }

  @Test
  void anInsertedStepIsAGapAndDoesNotShiftTheStepsAfterIt() {
    var base =
        image()
            .layer("COPY a /a # buildkit", "a", "/a", 10)
            .layer("RUN /bin/sh -c make # buildkit", "m1", "/m", 20)
            .empty("ENV A=1")
            .layer("COPY z /z # buildkit", "z", "/z", 30);
    var head =
        image()
            .layer("COPY a /a # buildkit", "a", "/a", 10)
            .layer("RUN /bin/sh -c fetch data # buildkit", "new", "/d", 5_000)
            .layer("RUN /bin/sh -c make # buildkit", "m2", "/m", 25)
            .empty("ENV A=1")
            .layer("COPY z /z # buildkit", "z", "/z", 30);

    List<StepChange> changes = StepAlignment.align(steps(base), steps(head));

    assertThat(rows(changes))
        .containsExactly(
            "UNCHANGED 0/0", "ADDED -/1", "CHANGED 1/2", "UNCHANGED 2/3", "UNCHANGED 3/4");
    assertThat(changes.get(1).delta()).isEqualTo(5_000);
    assertThat(changes.get(2).delta()).isEqualTo(5);
    assertThat(changes.get(2).percent()).contains(25.0);
  }

  @Test
  void aRemovedStepIsAGapAndDoesNotShiftTheStepsAfterIt() {
    var base =
        image()
            .layer("COPY a /a", "a", "/a", 10)
            .layer("RUN /bin/sh -c rm -rf /cache", "rm", "/x", 1)
            .layer("COPY b /b", "b", "/b", 20)
            .layer("COPY c /c", "c", "/c", 30);
    var head =
        image()
            .layer("COPY a /a", "a", "/a", 10)
            .layer("COPY b /b", "b", "/b", 20)
            .layer("COPY c /c", "c", "/c", 30);

    List<StepChange> changes = StepAlignment.align(steps(base), steps(head));

    assertThat(rows(changes))
        .containsExactly("UNCHANGED 0/0", "REMOVED 1/-", "UNCHANGED 2/1", "UNCHANGED 3/2");
    assertThat(changes.get(1).delta()).isEqualTo(-1);
  }

  @Test
  void anEditedInstructionPairsWithItsOldSelf() {
    var base =
        image()
            .layer("RUN /bin/sh -c head -c 1000 /dev/zero > /x # buildkit", "x1", "/x", 1000)
            .layer("COPY b /b", "b", "/b", 20);
    var head =
        image()
            .layer("RUN /bin/sh -c head -c 3000 /dev/zero > /x # buildkit", "x3", "/x", 3000)
            .layer("COPY b /b", "b", "/b", 20);

    List<StepChange> changes = StepAlignment.align(steps(base), steps(head));

    assertThat(rows(changes)).containsExactly("EDITED 0/0", "UNCHANGED 1/1");
    assertThat(changes.get(0).delta()).isEqualTo(2000);
    assertThat(changes.get(0).percent()).contains(200.0);
  }

  @Test
  void unrelatedInstructionsAreNeverPaired() {
    var base = image().layer("RUN /bin/sh -c apt-get install gcc", "g", "/g", 10);
    var head = image().layer("COPY app.jar /app.jar", "j", "/app.jar", 10);

    assertThat(rows(StepAlignment.align(steps(base), steps(head))))
        .containsExactly("REMOVED 0/-", "ADDED -/0");
  }

  @Test
  void theSameDigestPairsStepsEvenWhenTheirInstructionWasRewritten() {
    var base = image().layer("/bin/sh -c #(nop) COPY file:abc in /app", "app", "/app/x", 10);
    var head = image().layer("COPY . /app # buildkit", "app", "/app/x", 10);

    List<StepChange> changes = StepAlignment.align(steps(base), steps(head));

    assertThat(rows(changes)).containsExactly("UNCHANGED 0/0");
  }

  @Test
  void emptyLayerStepsWithTheSameInstructionAreUnchanged() {
    var base = image().empty("ENV A=1").empty("LABEL x=1");
    var head = image().empty("ENV A=1").empty("LABEL x=2");

    assertThat(rows(StepAlignment.align(steps(base), steps(head))))
        .containsExactly("UNCHANGED 0/0", "EDITED 1/1");
  }

  @Test
  void baseImageStepsAlignOnlyWithBaseImageSteps() {
    // Base image has one layer; the build adds RUN make. The head's base image gained a step.
    var base =
        image()
            .layer("ADD rootfs.tar /", "os1", "/etc/os", 100)
            .layer("RUN /bin/sh -c make", "m", "/m", 10);
    var head =
        image()
            .layer("ADD rootfs.tar /", "os2", "/etc/os", 120)
            .layer("RUN /bin/sh -c make", "mk", "/mk", 7)
            .layer("RUN /bin/sh -c make", "m", "/m", 10);
    BuildSteps build = new BuildSteps(List.of(3));

    List<StepChange> changes =
        StepAlignment.align(
            Steps.of(base.build(), Optional.of(build)), Steps.of(head.build(), Optional.of(build)));

    assertThat(rows(changes)).containsExactly("CHANGED 0/0", "ADDED -/1", "UNCHANGED 1/2");
    assertThat(changes.get(1).fromBaseImage()).isTrue();
    assertThat(changes.get(2).head().orElseThrow().line()).contains(3);
  }
}
