package dev.sizebot.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sizebot.common.ExitCode;
import dev.sizebot.common.SizebotException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitRepoTest {
  @TempDir Path tmp;
  private GitFixture fixture;

  @BeforeEach
  void createRepository() throws IOException {
    fixture = GitFixture.create(tmp.resolve("origin"));
  }

  @Test
  void theBaseSideIsTheMergeBaseNotTheBaseBranchTip() {
    ComparedCommits commits = GitRepo.open(fixture.root).compare("main", "feature");

    assertThat(commits.mergeBase()).isEqualTo(fixture.b).isNotEqualTo(fixture.c);
    assertThat(commits.head()).isEqualTo(fixture.e);
    assertThat(commits.describe())
        .isEqualTo(
            "base main@"
                + fixture.b.substring(0, 7)
                + " (merge-base) → head feature@"
                + fixture.e.substring(0, 7));
  }

  @Test
  void worktreesHoldEachSideAndGoAwayWhileTheUserTreeStaysAsItWas() throws IOException {
    Files.writeString(fixture.root.resolve("app.txt"), "uncommitted edit\n");
    Files.writeString(fixture.root.resolve("untracked.txt"), "mine\n");
    fixture.git("add", "untracked.txt");
    String statusBefore = fixture.git("status", "--porcelain");
    String headBefore = fixture.git("rev-parse", "HEAD");
    GitRepo repo = GitRepo.open(fixture.root.resolve("."));
    ComparedCommits commits = repo.compare("main", "feature");

    Path baseDir;
    Path headDir;
    try (RunResources run = RunResources.withoutEngine(false)) {
      Worktree base = repo.checkout(commits.mergeBase(), run);
      Worktree head = repo.checkout(commits.head(), run);
      baseDir = base.dir();
      headDir = head.dir();

      assertThat(base.resolve(Path.of("app.txt"))).hasContent("from B");
      assertThat(head.resolve(fixture.root.resolve("app.txt"))).hasContent("from D");
      assertThat(fixture.git("worktree", "list").lines()).hasSize(3);
    }

    assertThat(baseDir).doesNotExist();
    assertThat(headDir).doesNotExist();
    assertThat(fixture.git("worktree", "list").lines()).hasSize(1);
    assertThat(fixture.git("status", "--porcelain")).isEqualTo(statusBefore);
    assertThat(fixture.git("rev-parse", "HEAD")).isEqualTo(headBefore);
    assertThat(fixture.root.resolve("app.txt")).hasContent("uncommitted edit");
  }

  @Test
  void aRepositoryOwnedByAnotherUserIsReadAsTheUserNamedIt() throws Exception {
    Assumptions.assumeTrue("root".equals(System.getProperty("user.name")), "needs root to chown");
    Process chown = new ProcessBuilder("chown", "-R", "12345", fixture.root.toString()).start();
    assertThat(chown.waitFor(30, TimeUnit.SECONDS) && chown.exitValue() == 0).isTrue();

    assertThat(GitRepo.open(fixture.root).compare("main", "feature").mergeBase())
        .isEqualTo(fixture.b);
  }

  @Test
  void theUsersHooksDoNotRunInSizebotsWorktrees() throws IOException {
    Path hook = fixture.root.resolve(".git/hooks/post-checkout");
    Path marker = tmp.resolve("hook-ran");
    Files.writeString(hook, "#!/bin/sh\ntouch " + marker + "\n");
    Files.setPosixFilePermissions(hook, PosixFilePermissions.fromString("rwxr-xr-x"));
    GitRepo repo = GitRepo.open(fixture.root);

    try (RunResources run = RunResources.withoutEngine(false)) {
      repo.checkout(fixture.e, run);
    }

    assertThat(marker).doesNotExist();
  }

  @Test
  void aShallowCloneIsDeepenedUntilTheMergeBaseIsThere() {
    Path clone = tmp.resolve("clone");
    GitFixture.run(
        tmp,
        "clone",
        "-q",
        "--depth",
        "1",
        "--no-single-branch",
        "file://" + fixture.root,
        "clone");
    GitRepo repo = GitRepo.open(clone);
    assertThat(repo.isShallow()).isTrue();

    ComparedCommits commits = repo.compare("main", "feature");

    assertThat(commits.mergeBase()).isEqualTo(fixture.b);
    assertThat(commits.head()).isEqualTo(fixture.e);
  }

  @Test
  void aRefMissingFromASingleBranchCloneIsFetched() {
    Path clone = tmp.resolve("clone");
    GitFixture.run(
        tmp, "clone", "-q", "--depth", "1", "-b", "main", "file://" + fixture.root, "clone");

    ComparedCommits commits = GitRepo.open(clone).compare("main", "feature");

    assertThat(commits.mergeBase()).isEqualTo(fixture.b);
    assertThat(commits.head()).isEqualTo(fixture.e);
  }

  @Test
  void anUnknownRefIsOneLineOfInvalidInput() {
    assertThatThrownBy(() -> GitRepo.open(fixture.root).compare("main", "nope"))
        .isInstanceOfSatisfying(
            SizebotException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.INVALID_INPUT))
        .hasMessage(
            "git ref 'nope' is not in " + fixture.root + "; check the branch name or fetch it");
  }

  @Test
  void historiesWithNothingInCommonAreAnEnvironmentError() throws IOException {
    fixture.git("checkout", "-q", "--orphan", "other");
    fixture.commit("other.txt", "x\n", "unrelated");

    assertThatThrownBy(() -> GitRepo.open(fixture.root).compare("main", "other"))
        .isInstanceOfSatisfying(
            SizebotException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.ENVIRONMENT))
        .hasMessageEndingWith("they share no history; compare refs of the same project");
  }

  @Test
  void aDirectoryOutsideAnyRepositoryIsInvalidInput() throws IOException {
    Path plain = Files.createDirectories(tmp.resolve("plain"));

    assertThatThrownBy(() -> GitRepo.open(plain))
        .isInstanceOfSatisfying(
            SizebotException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.INVALID_INPUT))
        .hasMessageStartingWith(plain + " is not inside a git repository");
  }
}
