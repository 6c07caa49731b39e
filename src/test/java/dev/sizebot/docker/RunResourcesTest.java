package dev.sizebot.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.exception.InternalServerErrorException;
import dev.sizebot.common.ExitCode;
import dev.sizebot.common.SizebotException;
import dev.sizebot.testing.Engine;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunResourcesTest {
  @TempDir Path tmp;
  private DockerEngine engine;

  private DockerEngine connect() {
    Engine.require();
    engine = DockerEngine.connect();
    return engine;
  }

  @AfterEach
  void disconnect() {
    if (engine != null) {
      engine.close();
    }
  }

  private String buildImage(RunResources run) throws IOException {
    BuildRequest request =
        BuildRequest.of(BuildFixture.context(tmp, "FROM scratch\nCOPY busybox /bin/busybox\n"))
            .withLabels(BuildFixture.TEST_LABELS);
    BuildResult built = new Builder(BuildFixture.cli(), run, line -> {}).build(request, "img");
    return BuildFixture.built(built).tag();
  }

  private String createContainer(String image, Map<String, String> labels) {
    return engine
        .client()
        .createContainerCmd(image)
        .withLabels(labels)
        .withCmd("/bin/busybox", "true")
        .exec()
        .getId();
  }

  @Test
  void imagesContainersAndTempDirsOfTheRunAreRemovedOnClose() throws IOException {
    RunResources run = RunResources.start(connect(), BuildFixture.REPOSITORY, false);
    String image = buildImage(run);
    String container = createContainer(image, run.ownerLabel());
    run.trackContainer(container);
    Path dir = run.createTempDir("sizebot-test-");
    Files.writeString(dir.resolve("file"), "x");

    run.close();

    assertThat(dir).doesNotExist();
    assertThat(Engine.docker("ps", "-aq", "--filter", "id=" + container).strip()).isEmpty();
    BuildFixture.assertNothingLeft(run);
  }

  @Test
  void aFailureInsideTheRunStillCleansUp() {
    DockerEngine engine = connect();
    RunResources[] runs = new RunResources[1];
    assertThatThrownBy(
            () -> {
              try (RunResources run = RunResources.start(engine, BuildFixture.REPOSITORY, false)) {
                runs[0] = run;
                buildImage(run);
                throw new IllegalStateException("diff blew up");
              }
            })
        .hasMessage("diff blew up");
    BuildFixture.assertNothingLeft(runs[0]);
  }

  @Test
  void anUntrackedButLabelledContainerIsSweptByItsLabel() throws IOException {
    RunResources run = RunResources.start(connect(), BuildFixture.REPOSITORY, false);
    String container = createContainer(buildImage(run), run.ownerLabel());

    run.close();

    assertThat(Engine.docker("ps", "-aq", "--filter", "id=" + container).strip()).isEmpty();
    BuildFixture.assertNothingLeft(run);
  }

  @Test
  void keepLeavesEverythingInPlaceAndListsIt() throws IOException {
    RunResources run = RunResources.start(connect(), BuildFixture.REPOSITORY, true);
    String image = buildImage(run);
    try {
      run.close();

      assertThat(Engine.docker("images", "-q", image).strip()).isNotEmpty();
      assertThat(run.kept()).containsExactly("image " + image);
    } finally {
      Engine.removeImage(image);
    }
    BuildFixture.assertNothingLeft(run);
  }

  @Test
  void whatIsCreatedAfterCloseIsUndoneAtOnceAndStopsTheRun() {
    RunResources run = RunResources.withoutEngine(false);
    run.close();
    Path[] made = new Path[1];
    String prefix = "sizebot-test-after-close-" + run.runId();

    assertThatThrownBy(() -> made[0] = run.createTempDir(prefix))
        .isInstanceOfSatisfying(
            SizebotException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.ENVIRONMENT))
        .hasMessage("interrupted: sizebot is shutting down");
    assertThat(made[0]).isNull();
    try (var leftovers = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
      assertThat(leftovers.map(Path::toString)).noneMatch(p -> p.contains(prefix));
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void anInterruptedRunCleansUpInItsShutdownHookAndSaysSo() throws Exception {
    try (RunResources parent = RunResources.start(connect(), BuildFixture.REPOSITORY, false)) {
      Interrupted child = interrupt(parent, false);

      assertThat(child.exit()).as("128 + SIGINT").isEqualTo(130);
      assertThat(child.stderr())
          .isEqualTo("sizebot: interrupted; removed what this run had created\n");
      assertThat(child.dir()).doesNotExist();
      assertThat(Engine.docker("ps", "-aq", "--filter", "id=" + child.container()).strip())
          .isEmpty();
      String label = "label=" + DockerEngine.OWNER_LABEL + "=" + child.runId();
      assertThat(Engine.docker("ps", "-aq", "--filter", label).strip()).isEmpty();
    }
  }

  @Test
  void anInterruptedRunUnderKeepSaysWhatItKept() throws Exception {
    try (RunResources parent = RunResources.start(connect(), BuildFixture.REPOSITORY, false)) {
      Interrupted child = interrupt(parent, true);
      parent.register("directory " + child.dir(), () -> RunResources.deleteTree(child.dir()));

      assertThat(child.exit()).isEqualTo(130);
      assertThat(child.stderr())
          .isEqualTo(
              "sizebot: interrupted; kept what this run had created (--keep)\n"
                  + "sizebot: kept directory "
                  + child.dir()
                  + "\nsizebot: kept container "
                  + child.container()
                  + "\n");
      assertThat(child.dir()).exists();
      assertThat(Engine.docker("ps", "-aq", "--filter", "id=" + child.container()).strip())
          .isNotEmpty();
    }
  }

  private record Interrupted(String runId, String container, Path dir, int exit, String stderr) {}

  /** Starts {@link InterruptedRun}, waits for what it made, then Ctrl-Cs it. */
  private Interrupted interrupt(RunResources parent, boolean keep) throws Exception {
    String image = buildImage(parent);
    Process child =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                InterruptedRun.class.getName(),
                image,
                Boolean.toString(keep))
            .start();
    BufferedReader out =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
    List<String> created = List.of(out.readLine(), out.readLine(), out.readLine());
    parent.trackContainer(created.get(1)); // whatever the child does, nothing stays behind
    assertThat(Engine.docker("ps", "-aq", "--filter", "id=" + created.get(1)).strip()).isNotEmpty();

    // Ctrl-C: SIGINT, on which the JVM runs its shutdown hooks.
    new ProcessBuilder("kill", "-INT", Long.toString(child.pid())).start().waitFor();
    assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
    String stderr = new String(child.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    return new Interrupted(
        created.get(0), created.get(1), Path.of(created.get(2)), child.exitValue(), stderr);
  }

  /** The child of the interrupt test: creates a container and a temp dir, then waits to die. */
  @Test
  void anImageRemovedUnderTheSweepCountsAsGoneNotAsAProblem() {
    String race =
        "Status 500: {\"message\":\"unrecognized image ID sha256:"
            + "ed33d0c313e17f37370634f10df188289cdf1c770c47190125ed3b15e3ccb39d\"}";
    assertThat(RunResources.alreadyGone(new InternalServerErrorException(race))).isTrue();
    assertThat(
            RunResources.alreadyGone(
                new InternalServerErrorException("Status 500: {\"message\":\"driver failed\"}")))
        .isFalse();
  }

  static final class InterruptedRun {
    public static void main(String[] args) throws Exception {
      DockerEngine engine = DockerEngine.connect();
      RunResources run =
          RunResources.start(
              engine,
              BuildFixture.REPOSITORY,
              Boolean.parseBoolean(args[1]),
              notice -> System.err.println("sizebot: " + notice));
      String container =
          engine
              .client()
              .createContainerCmd(args[0])
              .withLabels(run.ownerLabel())
              .withCmd("/bin/busybox", "true")
              .exec()
              .getId();
      run.trackContainer(container);
      Path dir = run.createTempDir("sizebot-test-");
      System.out.println(run.runId());
      System.out.println(container);
      System.out.println(dir);
      System.out.flush();
      Thread.sleep(60_000);
    }
  }
}
