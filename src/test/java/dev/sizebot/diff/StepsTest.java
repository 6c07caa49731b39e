package dev.sizebot.diff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sizebot.dockerfile.Dockerfile;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StepsTest {
  private static final String DOCKERFILE =
      String.join("\n", "FROM base", "RUN make", "COPY out /out", "");

  private static List<Step> steps(TestImages image, String dockerfile) {
    BuildSteps build =
        BuildSteps.from(Dockerfile.parse(dockerfile, "Dockerfile"), Optional.empty());
    return Steps.of(image.build(), Optional.of(build));
  }

  private static TestImages built() {
    return TestImages.image()
        .layer("ADD rootfs.tar / # (nop)", "base", "/bin/sh", 100)
        .layer("RUN make", "make", "/out/app", 10)
        .layer("COPY out /out", "copy", "/out/app", 10);
  }

  @Test
  void eachBuildInstructionGetsItsLineAndTheRestIsBaseImage() {
    List<Step> steps = steps(built(), DOCKERFILE);
    assertThat(steps)
        .extracting(Step::line)
        .containsExactly(Optional.empty(), Optional.of(2), Optional.of(3));
    assertThat(steps).extracting(Step::fromBaseImage).containsExactly(true, false, false);
  }

  @Test
  void labelsAddedByDockerBuildDashLabelDoNotShiftTheLines() {
    // The classic builder appends one empty LABEL entry per --label after the last instruction.
    List<Step> steps =
        steps(built().empty("/bin/sh -c #(nop)  LABEL dev.sizebot.owner=run1"), DOCKERFILE);
    assertThat(steps)
        .extracting(Step::line)
        .containsExactly(Optional.empty(), Optional.of(2), Optional.of(3), Optional.empty());
    assertThat(steps).extracting(Step::fromBaseImage).containsExactly(true, false, false, false);
  }

  @Test
  void aDockerfileThatEndsWithLabelKeepsItsOwnTrailingLabel() {
    List<Step> steps =
        steps(built().empty("/bin/sh -c #(nop)  LABEL team=api"), DOCKERFILE + "LABEL team=api\n");
    assertThat(steps)
        .extracting(Step::line)
        .containsExactly(Optional.empty(), Optional.of(2), Optional.of(3), Optional.of(4));
  }
}
