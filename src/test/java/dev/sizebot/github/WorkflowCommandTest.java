package dev.sizebot.github;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WorkflowCommandTest {
  @Test
  void anAnnotationNamesFileLinesAndTitleEscapedAsTheToolkitDoes() {
    Annotation a =
        new Annotation(
            "docker/api,v2:x.Dockerfile",
            3,
            5,
            Annotation.Level.WARNING,
            "SB102: apt lists, kept",
            "100% of /var/lib/apt/lists\r\nis wasted: 41 MB, remove it");

    assertThat(WorkflowCommand.annotation(a))
        .isEqualTo(
            "::warning file=docker/api%2Cv2%3Ax.Dockerfile,line=3,endLine=5,"
                + "title=SB102%3A apt lists%2C kept"
                + "::100%25 of /var/lib/apt/lists%0D%0Ais wasted: 41 MB, remove it");
  }

  @Test
  void aFailureIsAnErrorCommandAndAnEmptyTitleIsLeftOut() {
    Annotation a = new Annotation("Dockerfile", 1, 1, Annotation.Level.FAILURE, "", "too big");

    assertThat(WorkflowCommand.annotation(a))
        .isEqualTo("::error file=Dockerfile,line=1,endLine=1::too big");
  }

  @Test
  void aPlainWarningHasNoProperties() {
    assertThat(WorkflowCommand.warning("a\nb")).isEqualTo("::warning::a%0Ab");
    assertThat(WorkflowCommand.error("x")).isEqualTo("::error::x");
  }
}
