package dev.sizebot.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A git repository a test builds commit by commit, with the real git CLI. */
public final class TestRepo {
  private final Path dir;

  public TestRepo(Path dir) {
    this.dir = dir;
  }

  /** Writes {@code dockerfile} as the repository's Dockerfile and commits everything. */
  public void commit(String dockerfile, String message) throws IOException, InterruptedException {
    Files.writeString(dir.resolve("Dockerfile"), dockerfile);
    git("add", "-A");
    git("-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-m", message);
  }

  /** Runs git in the repository; its stripped output, or a failed assertion. */
  public String git(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("git", "-C", dir.toString()));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes()).strip();
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    return out;
  }
}
