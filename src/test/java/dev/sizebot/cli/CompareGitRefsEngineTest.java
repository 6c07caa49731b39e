package dev.sizebot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sizebot.testing.Engine;
import dev.sizebot.testing.TestRepo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sizebot compare --base-ref --head-ref}: the base side is the merge-base, not the tip. */
class CompareGitRefsEngineTest {
  @TempDir Path repo;

  @Test
  void theBaseSideIsBuiltAtTheMergeBaseNotAtTheBaseBranchTip() throws Exception {
    Engine.require();
    String mark = "dev.sizebot.test.case=" + UUID.randomUUID();
    String dockerfile =
        "FROM scratch\nCOPY busybox /bin/busybox\n"
            + "RUN [\"/bin/busybox\", \"--install\", \"-s\", \"/bin\"]\n"
            + "RUN head -c %d /dev/zero > /data\n"
            + "%sLABEL "
            + mark
            + "\n";
    Files.copy(Engine.busybox(), repo.resolve("busybox"));
    git("init", "-q", "-b", "main");
    commit(dockerfile.formatted(1000, ""), "base");
    git("checkout", "-q", "-b", "feature");
    commit(dockerfile.formatted(3000, ""), "feature grows /data");
    git("checkout", "-q", "main");
    // main moves on after the branch point: the comparison must not see this step.
    commit(dockerfile.formatted(1000, "RUN head -c 7777 /dev/zero > /later\n"), "main moves on");
    Files.writeString(repo.resolve("untracked.txt"), "the user's own work\n");
    String statusBefore = git("status", "--porcelain");

    MainTest.Result r =
        MainTest.run(
            "compare",
            "--base-ref",
            "main",
            "--head-ref",
            "feature",
            "--context",
            repo.toString(),
            "--format",
            "json");

    JsonNode json = new ObjectMapper().readTree(r.out());
    assertThat(json.at("/delta/bytes").asLong()).as(r.err()).isEqualTo(2000);
    assertThat(json.at("/base/source").asText()).endsWith("at main (merge-base)");
    assertThat(json.at("/base/commit").asText()).isEqualTo(git("rev-parse", "--short=7", "main~1"));
    assertThat(json.at("/head/commit").asText())
        .isEqualTo(git("rev-parse", "--short=7", "feature"));
    assertThat(git("worktree", "list").lines()).hasSize(1);
    // Each side was built in a worktree of its own: the user's checkout was never touched.
    assertThat(git("status", "--porcelain")).isEqualTo(statusBefore);
    assertThat(git("rev-parse", "--abbrev-ref", "HEAD")).isEqualTo("main");
    assertThat(Engine.docker("images", "-aq", "--filter", "label=" + mark)).isBlank();
  }

  private void commit(String dockerfile, String message) throws Exception {
    new TestRepo(repo).commit(dockerfile, message);
  }

  private String git(String... args) throws IOException, InterruptedException {
    return new TestRepo(repo).git(args);
  }
}
