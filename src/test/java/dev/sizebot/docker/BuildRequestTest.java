package dev.sizebot.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sizebot.common.ExitCode;
import dev.sizebot.common.SizebotException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BuildRequestTest {
  @Test
  void aRelativeDockerfileIsTakenFromTheWorkingDirectoryAsDockerBuildFDoes() {
    BuildRequest request = BuildRequest.of(Path.of("/repo/app"), Path.of("docker/api.Dockerfile"));

    assertThat(request.dockerfile())
        .isEqualTo(Path.of("").toAbsolutePath().resolve("docker/api.Dockerfile"));
    assertThat(BuildRequest.of(Path.of("/repo/app")).dockerfile())
        .isEqualTo(Path.of("/repo/app/Dockerfile"));
  }

  @Test
  void relocatingMovesContextAndDockerfileIntoTheOtherCheckout() {
    BuildRequest request =
        BuildRequest.of(
                Path.of("/nonexistent/repo/app"), Path.of("/nonexistent/repo/docker/Dockerfile"))
            .withTarget("runtime");

    BuildRequest moved = request.relocate(Path.of("/nonexistent/repo"), Path.of("/tmp/wt"));

    assertThat(moved.context()).isEqualTo(Path.of("/tmp/wt/app"));
    assertThat(moved.dockerfile()).isEqualTo(Path.of("/tmp/wt/docker/Dockerfile"));
    assertThat(moved.target()).contains("runtime");
  }

  @Test
  void aContextOutsideTheRepositoryCannotBeRelocated() {
    BuildRequest request = BuildRequest.of(Path.of("/nonexistent/elsewhere"));

    assertThatThrownBy(() -> request.relocate(Path.of("/nonexistent/repo"), Path.of("/tmp/wt")))
        .isInstanceOfSatisfying(
            SizebotException.class,
            e -> assertThat(e.exitCode()).isEqualTo(ExitCode.INVALID_INPUT));
  }

  @Test
  void buildArgsKeepTheOrderGivenAndCannotBeChangedAfterwards() {
    Map<String, String> args = new LinkedHashMap<>();
    args.put("Z", "1");
    args.put("A", "2");
    BuildRequest request = BuildRequest.of(Path.of("/ctx")).withBuildArgs(args);
    args.put("B", "3");

    assertThat(List.copyOf(request.buildArgs().keySet())).containsExactly("Z", "A");
    assertThatThrownBy(() -> request.buildArgs().put("C", "4"))
        .isInstanceOf(UnsupportedOperationException.class);
  }
}
