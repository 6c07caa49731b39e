package dev.sizebot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sizebot.testing.Engine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sizebot compare} on pairs built on the real engine, FROM scratch with the static busybox,
 * where the expected result is known to the byte.
 */
class ComparePairsEngineTest {
  // Every Dockerfile starts like this (lines 1-3), so line numbers below are exact.
  static final String PRELUDE =
      "FROM scratch\nCOPY busybox /bin/busybox\nRUN [\"/bin/busybox\", \"--install\", \"-s\", \"/bin\"]\n";
  static final String OS_IMAGE = "sizebot-test-diff-os";
  // Appended to every Dockerfile: the images and containers of this class carry it, so cleanup is
  // checked for them alone (other suites may use the engine at the same time).
  static final String MARK = "dev.sizebot.test.case=" + java.util.UUID.randomUUID();

  @TempDir static Path context;

  @BeforeAll
  static void copyBusybox() throws IOException {
    Engine.require();
    Files.copy(Engine.busybox(), context.resolve("busybox"));
  }

  @AfterAll
  static void removeBaseImages() {
    Engine.removeImage(OS_IMAGE + ":1");
    Engine.removeImage(OS_IMAGE + ":2");
  }

  @AfterEach
  void nothingSizebotMadeRemains() {
    assertThat(Engine.docker("images", "-aq", "--filter", "label=" + MARK)).isBlank();
    assertThat(Engine.docker("ps", "-aq", "--filter", "label=" + MARK)).isBlank();
  }

  static void write(String name, String dockerfile) throws IOException {
    Files.writeString(context.resolve(name), dockerfile + "LABEL " + MARK + "\n");
  }

  static JsonNode compare(String base, String head, String... extra) throws IOException {
    List<String> json = new ArrayList<>(List.of("--format", "json"));
    json.addAll(List.of(extra));
    MainTest.Result r = run(base, head, json.toArray(String[]::new));
    assertThat(r.out()).as(r.err()).isNotBlank();
    return new ObjectMapper().readTree(r.out());
  }

  /** {@code sizebot compare} of the two Dockerfiles, built in {@link #context}. */
  static MainTest.Result run(String base, String head, String... extra) throws IOException {
    return MainTest.run(compareArgs(base, head, extra).toArray(String[]::new));
  }

  /** Writes the two Dockerfiles and returns the arguments that compare them. */
  static List<String> compareArgs(String base, String head, String... extra) throws IOException {
    write("base.Dockerfile", base);
    write("head.Dockerfile", head);
    List<String> args =
        new ArrayList<>(
            List.of(
                "compare",
                "--base-dockerfile",
                context.resolve("base.Dockerfile").toString(),
                "--head-dockerfile",
                context.resolve("head.Dockerfile").toString(),
                "--context",
                context.toString()));
    args.addAll(List.of(extra));
    return args;
  }

  static List<String> matches(JsonNode json) {
    List<String> out = new ArrayList<>();
    json.get("steps")
        .forEach(
            s ->
                out.add(
                    s.get("match").asText()
                        + " "
                        + (s.get("base").isNull() ? "-" : s.at("/base/index").asText())
                        + "/"
                        + (s.get("head").isNull() ? "-" : s.at("/head/index").asText())));
    return out;
  }

  @Test
  void oneStepGrowsByExactlyFiveHundredBytesAndStartupIsMeasured() throws IOException {
    String run = "RUN head -c %d /dev/zero > /grow\nCMD [\"/bin/true\"]\n";
    JsonNode json =
        compare(
            PRELUDE + run.formatted(1000),
            PRELUDE + run.formatted(1500),
            "--startup",
            "exit",
            "--runs",
            "2");

    assertThat(json.at("/delta/bytes").asLong()).isEqualTo(500);
    assertThat(matches(json))
        .containsExactly(
            "unchanged 0/0", "unchanged 1/1", "edited 2/2", "unchanged 3/3", "unchanged 4/4");
    assertThat(json.at("/steps/2/deltaBytes").asLong()).isEqualTo(500);
    assertThat(json.at("/steps/2/head/line").asInt()).isEqualTo(4);
    assertThat(json.at("/files/largest/0/path").asText()).isEqualTo("/grow");
    assertThat(json.at("/files/largest/0/kind").asText()).isEqualTo("grown");
    assertThat(json.at("/startup/head/runs").size()).isEqualTo(2);
    assertThat(json.at("/startup/head/succeeded").asBoolean()).isTrue();
  }

  @Test
  void keepLeavesTheFailedStartupContainerAndTheBuiltImagesAndNamesThem() throws IOException {
    String holder = "";
    try {
      MainTest.Result r =
          run(
              PRELUDE + "CMD [\"/bin/true\"]\n",
              PRELUDE + "CMD [\"sh\", \"-c\", \"echo no config >&2; exit 3\"]\n",
              "--startup",
              "exit",
              "--runs",
              "2",
              "--keep");

      assertThat(r.out()).as(r.err()).contains("**head startup failed** (run 1)");
      // The base's two ready runs are gone; the head's failed run stays, exited with its code.
      String kept = Engine.docker("ps", "-aq", "--no-trunc", "--filter", "label=" + MARK).strip();
      assertThat(kept.lines()).hasSize(1);
      assertThat(Engine.docker("inspect", "--format", "{{.State.ExitCode}}", kept).strip())
          .isEqualTo("3");
      String id = kept.substring(0, 12);
      // The failed run keeps the network namespace it joined, and its holder is named as such.
      String mode = Engine.docker("inspect", "--format", "{{.HostConfig.NetworkMode}}", kept);
      assertThat(mode).startsWith("container:");
      holder = mode.strip().substring("container:".length());
      assertThat(r.err())
          .contains(
              "sizebot: kept container "
                  + holder.substring(0, 12)
                  + " (holds the kept runs' network namespace)\n")
          .containsPattern("sizebot: kept image sizebot:[0-9a-f]{12}-base\n")
          .containsPattern("sizebot: kept image sizebot:[0-9a-f]{12}-head\n")
          .containsPattern(
              "sizebot: kept container "
                  + id
                  + " of sizebot:[0-9a-f]{12}-head \\(docker logs "
                  + id
                  + "\\)\n");
    } finally {
      removeAll("ps", "-aq");
      if (!holder.isEmpty()) {
        String image = Engine.docker("inspect", "--format", "{{.Image}}", holder).strip();
        Engine.docker("rm", "-f", holder);
        Engine.docker("rmi", "-f", image);
      }
      removeAll("images", "-q");
    }
  }

  /** Removes the containers or images {@code list} names that carry this class's mark. */
  private static void removeAll(String... list) {
    List<String> listing = new ArrayList<>(List.of(list));
    listing.addAll(List.of("--filter", "label=" + MARK));
    List<String> ids =
        Engine.docker(listing.toArray(String[]::new))
            .lines()
            .map(String::strip)
            .distinct()
            .toList();
    for (String id : ids) {
      Engine.docker(list[0].equals("ps") ? "rm" : "rmi", "-f", id);
    }
  }

  @Test
  void aRemovedStepLeavesTheAlignmentOfTheRestAlone() throws IOException {
    String keep1 = "RUN head -c 100 /dev/zero > /one\n";
    String gone = "RUN head -c 2000 /dev/zero > /gone\n";
    // The random stamp makes the rebuilt step's layer differ for certain: file times alone do
    // not, when both builds fall within the same second (tar keeps whole seconds).
    String keep2 = "RUN head -c 300 /dev/zero > /three && head -c 8 /dev/urandom > /stamp\n";
    JsonNode json = compare(PRELUDE + keep1 + gone + keep2, PRELUDE + keep1 + keep2);

    assertThat(json.at("/delta/bytes").asLong()).isEqualTo(-2000);
    assertThat(matches(json))
        .containsExactly(
            "unchanged 0/0",
            "unchanged 1/1",
            "unchanged 2/2",
            "removed 3/-",
            // Same instruction and bytes, but a new layer digest (the stamp's content differs).
            "changed 4/3",
            "unchanged 5/4");
    assertThat(json.at("/steps/4/deltaBytes").asLong()).isZero();
    assertThat(json.at("/steps/3/base/line").asInt()).isEqualTo(5);
    assertThat(json.at("/files/kinds/removed/deltaBytes").asLong()).isEqualTo(-2000);
  }

  @Test
  void anInsertedStepLeavesTheAlignmentOfTheRestAlone() throws IOException {
    String keep1 = "RUN head -c 100 /dev/zero > /one\n";
    String added = "RUN head -c 4096 /dev/zero > /added\n";
    String keep2 =
        "ENV MODE=prod\nRUN head -c 300 /dev/zero > /three && head -c 8 /dev/urandom > /stamp\n";
    JsonNode json = compare(PRELUDE + keep1 + keep2, PRELUDE + keep1 + added + keep2);

    assertThat(json.at("/delta/bytes").asLong()).isEqualTo(4096);
    assertThat(matches(json))
        .containsExactly(
            "unchanged 0/0",
            "unchanged 1/1",
            "unchanged 2/2",
            "added -/3",
            "unchanged 3/4",
            "changed 4/5",
            "unchanged 5/6");
    assertThat(json.at("/steps/5/deltaBytes").asLong()).isZero();
    assertThat(json.at("/steps/3/head/line").asInt()).isEqualTo(5);
    assertThat(json.at("/files/largest/0/headStep/line").asInt()).isEqualTo(5);
  }

  @Test
  void aFileMovedToAnotherStepIsMovedAndTheTotalStaysTheSame() throws IOException {
    String a = "RUN echo a > /a && head -c 1000 /dev/zero > %s\n";
    String b = "RUN echo b > /b && head -c 1000 /dev/zero > %s\n";
    JsonNode json =
        compare(
            PRELUDE + a.formatted("/moved") + b.formatted("/dev/null"),
            PRELUDE + a.formatted("/dev/null") + b.formatted("/moved"));

    assertThat(json.at("/delta/bytes").asLong()).isZero();
    assertThat(matches(json))
        .containsExactly(
            "unchanged 0/0", "unchanged 1/1", "edited 2/2", "edited 3/3", "unchanged 4/4");
    assertThat(json.at("/steps/2/deltaBytes").asLong()).isEqualTo(-1000);
    assertThat(json.at("/steps/3/deltaBytes").asLong()).isEqualTo(1000);
    assertThat(json.at("/files/total").asInt()).isEqualTo(1);
    assertThat(json.at("/files/largest/0/kind").asText()).isEqualTo("moved");
    assertThat(json.at("/files/largest/0/baseStep/line").asInt()).isEqualTo(4);
    assertThat(json.at("/files/largest/0/headStep/line").asInt()).isEqualTo(5);
  }

  @Test
  void aChangedBaseImageIsDriftNotTheBuildsChange() throws IOException {
    for (int v = 1; v <= 2; v++) {
      Path dir = Files.createDirectories(context.resolve("os" + v));
      Files.copy(context.resolve("busybox"), dir.resolve("busybox"));
      Files.write(dir.resolve("os-release"), new byte[v * 1000]);
      Files.writeString(
          dir.resolve("Dockerfile"),
          "FROM scratch\nCOPY busybox /bin/busybox\nCOPY os-release /etc/os-release\n"
              + "LABEL dev.sizebot.test=1\n");
      Engine.build(dir, OS_IMAGE + ":" + v);
    }
    String build = "RUN [\"/bin/busybox\", \"cp\", \"/bin/busybox\", \"/app\"]\n";
    JsonNode json =
        compare("FROM " + OS_IMAGE + ":1\n" + build, "FROM " + OS_IMAGE + ":2\n" + build);

    assertThat(json.at("/drift/known").asBoolean()).isTrue();
    assertThat(json.at("/drift/drifted").asBoolean()).isTrue();
    assertThat(json.at("/drift/deltaBytes").asLong()).isEqualTo(1000);
    assertThat(json.at("/delta/bytes").asLong()).isEqualTo(1000);
    assertThat(json.at("/delta/buildBytes").asLong()).isZero();
    JsonNode last = json.at("/steps/" + (json.get("steps").size() - 2));
    assertThat(last.get("fromBaseImage").asBoolean()).isFalse();
    assertThat(last.at("/head/line").asInt()).isEqualTo(2);
  }

  @Test
  void aFailingHeadBuildIsReportedWithItsLine() throws IOException {
    MainTest.Result r = run(PRELUDE, PRELUDE + "ENV X=1\nRUN echo boom && exit 3\n");

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.out())
        .contains(
            "**head build failed at line 5** (`RUN echo boom && exit 3`): the step exited with 3\n");
  }

  /**
   * Ctrl-C while a startup run's container is up: the cleanup hook removes everything and says so
   * in one line; nothing the interrupted run would print next (an engine error about the image it
   * was using, a startup "failure") reaches the user, and no report is printed.
   */
  @Test
  void anInterruptedCompareRemovesWhatItMadeAndSaysOnlyThat() throws Exception {
    String sleeper = PRELUDE + "CMD [\"/bin/sleep\", \"60\"]\n";
    List<String> command =
        MainTest.inItsOwnJvm(
            compareArgs(
                sleeper, sleeper + "RUN echo head > /head\n", "--startup", "exit", "--runs", "1"));
    Process sizebot = new ProcessBuilder(command).start();
    var stdout = java.util.concurrent.CompletableFuture.supplyAsync(() -> drain(sizebot, false));
    var stderr = java.util.concurrent.CompletableFuture.supplyAsync(() -> drain(sizebot, true));
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(120);
    while (Engine.docker("ps", "-q", "--filter", "label=" + MARK).isBlank()) {
      assertThat(sizebot.isAlive()).as("still running").isTrue();
      assertThat(System.nanoTime()).as("a startup container runs").isLessThan(deadline);
      Thread.sleep(100);
    }

    new ProcessBuilder("kill", "-INT", Long.toString(sizebot.pid())).start().waitFor();

    assertThat(sizebot.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    assertThat(sizebot.exitValue()).as("128 + SIGINT").isEqualTo(130);
    assertThat(stdout.get()).isEmpty();
    assertThat(stderr.get().lines().filter(line -> !line.startsWith("  | ")))
        .containsExactly("sizebot: interrupted; removed what this run had created");
  }

  private static String drain(Process process, boolean err) {
    try (var in = err ? process.getErrorStream() : process.getInputStream()) {
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /**
   * A token passed as a build argument reaches the image's history (the RUN that uses it), its
   * config (a LABEL) and the build log; none of it may reach the report or stderr.
   */
  @Test
  void aSecretLookingBuildArgIsMaskedWhereverSizebotWouldPrintIt() throws IOException {
    String head =
        PRELUDE + "ARG NPM_TOKEN\nRUN echo $NPM_TOKEN > /dev/null\nLABEL tok=${NPM_TOKEN}\n";
    for (String format : List.of("markdown", "json")) {
      MainTest.Result r =
          run(PRELUDE, head, "--build-arg", "NPM_TOKEN=npm_s3cretvalue", "--format", format);

      assertThat(r.code()).as(r.err()).isZero();
      assertThat(r.out()).doesNotContain("s3cretvalue").contains("tok=***");
      assertThat(r.err())
          .doesNotContain("s3cretvalue")
          .contains(
              "sizebot: warning: --build-arg NPM_TOKEN looks like a secret: sizebot masks its"
                  + " value; a RUN that uses a build argument records it in the image's history,"
                  + " so pass it with RUN --mount=type=secret instead\n");
    }
  }
}
