package dev.sizebot.docker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sizebot.testing.Engine;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PullRequestBuildTest {
  @TempDir Path tmp;

  @Test
  void eachSideIsBuiltFromItsOwnTreeAndEverythingIsRemovedAfterwards() throws IOException {
    Engine.require();
    GitFixture fixture = GitFixture.create(tmp.resolve("repo"));
    String statusBefore = fixture.git("status", "--porcelain");
    List<String> log = new ArrayList<>();
    BuildRequest request = BuildRequest.of(fixture.root).withLabels(BuildFixture.TEST_LABELS);
    RunResources leftBehind;

    try (DockerEngine engine = DockerEngine.connect();
        RunResources run = RunResources.start(engine, BuildFixture.REPOSITORY, false)) {
      leftBehind = run;
      Builder builder = new Builder(BuildFixture.cli(), run, log::add);

      PullRequestBuild.Result result =
          PullRequestBuild.build(
              GitRepo.open(fixture.root), "main", "feature", request, builder, run);

      assertThat(result.commits().mergeBase()).isEqualTo(fixture.b);
      BuildResult.Built base = BuildFixture.built(result.base());
      BuildResult.Built head = BuildFixture.built(result.head());
      System.out.printf(
          "git fixture builds: base %d ms, head %d ms%n",
          base.duration().toMillis(), head.duration().toMillis());
      assertThat(layers(base.tag())).isEqualTo("1");
      assertThat(layers(head.tag())).isEqualTo("2");
      assertThat(log).anyMatch(line -> line.endsWith("COPY app.txt /app.txt"));
      assertThat(fixture.git("worktree", "list").lines()).hasSize(3);
    }

    BuildFixture.assertNothingLeft(leftBehind);
    assertThat(fixture.git("worktree", "list").lines()).hasSize(1);
    assertThat(fixture.git("status", "--porcelain")).isEqualTo(statusBefore);
  }

  private static String layers(String image) {
    return Engine.docker("image", "inspect", "--format", "{{len .RootFS.Layers}}", image).strip();
  }
}
