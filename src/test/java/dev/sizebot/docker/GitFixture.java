package dev.sizebot.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A repository where a PR branch diverged from its base: main is A-B-C, feature is A-B-D-E, so the
 * merge-base of feature with main is B while main's tip is C.
 */
final class GitFixture {
  final Path root;
  String a;
  String b;
  String c;
  String d;
  String e;

  private GitFixture(Path root) {
    this.root = root;
  }

  static GitFixture create(Path dir) throws IOException {
    GitFixture repo = new GitFixture(Files.createDirectories(dir).toRealPath());
    repo.git("init", "-q", "-b", "main");
    repo.a = repo.commit("Dockerfile", "FROM scratch\nCOPY Dockerfile /Dockerfile\n", "A");
    repo.b = repo.commit("app.txt", "from B\n", "B");
    repo.c = repo.commit("app.txt", "from C (main moved on)\n", "C");
    repo.git("checkout", "-q", "-b", "feature", repo.b);
    repo.d = repo.commit("app.txt", "from D\n", "D");
    repo.e =
        repo.commit(
            "Dockerfile",
            "FROM scratch\nCOPY Dockerfile /Dockerfile\nCOPY app.txt /app.txt\n",
            "E");
    return repo;
  }

  String commit(String file, String content, String message) throws IOException {
    Files.writeString(root.resolve(file), content);
    git("add", file);
    git("commit", "-q", "-m", message);
    return git("rev-parse", "HEAD");
  }

  String git(String... args) {
    return run(root, args);
  }

  static String run(Path dir, String... args) {
    List<String> command = new ArrayList<>(List.of("git"));
    command.addAll(List.of(args));
    try {
      ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
      builder
          .environment()
          .putAll(
              Map.of(
                  "GIT_AUTHOR_NAME", "Test",
                  "GIT_AUTHOR_EMAIL", "test@example.com",
                  "GIT_COMMITTER_NAME", "Test",
                  "GIT_COMMITTER_EMAIL", "test@example.com",
                  "GIT_CONFIG_NOSYSTEM", "1"));
      builder.redirectErrorStream(true);
      Process process = builder.start();
      String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(process.exitValue()).as("%s: %s", command, out).isZero();
      return out.strip();
    } catch (IOException e) {
      throw new AssertionError("cannot run " + command, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted: " + command, e);
    }
  }
}
