package dev.sizebot.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sizebot.common.ExitCode;
import dev.sizebot.common.SizebotException;
import dev.sizebot.testing.Engine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BuilderTest {
  private static final String PREFIX =
      "FROM scratch\nCOPY busybox /bin/busybox\nSHELL [\"/bin/busybox\", \"sh\", \"-c\"]\n";

  @TempDir Path tmp;
  private DockerEngine engine;
  private RunResources run;
  private Builder builder;
  private final List<String> log = new ArrayList<>();

  @BeforeEach
  void connect() {
    Engine.require();
    engine = DockerEngine.connect();
    run = RunResources.start(engine, BuildFixture.REPOSITORY, false);
    builder = new Builder(BuildFixture.cli(), run, log::add);
  }

  @AfterEach
  void cleanUp() {
    if (run != null) {
      run.close();
      BuildFixture.assertNothingLeft(run);
      engine.close();
    }
  }

  private BuildRequest request(String dockerfile) throws IOException {
    Path context = BuildFixture.context(tmp, dockerfile);
    return BuildRequest.of(context).withLabels(BuildFixture.TEST_LABELS);
  }

  @Test
  void aCacheMountBuildsBecauseBuildKitIsUsed() throws IOException {
    BuildRequest request =
        request(
            PREFIX
                + "RUN --mount=type=cache,target=/cache echo "
                + run.runId()
                + " > /cache/f && cat /cache/f > /copied\n");

    BuildResult result = builder.build(request, "base");

    assertThat(result).isInstanceOf(BuildResult.Built.class);
    BuildResult.Built built = (BuildResult.Built) result;
    System.out.printf("cache-mount build: %d ms%n", built.duration().toMillis());
    assertThat(built.imageId()).matches("sha256:[0-9a-f]{64}");
    assertThat(built.tag()).isEqualTo(BuildFixture.REPOSITORY + ":" + run.runId() + "-base");
    String inspected =
        Engine.docker(
            "image", "inspect", "--format", "{{.Id}} {{json .Config.Labels}}", built.tag());
    assertThat(inspected.strip())
        .as("the request's labels, and no owner label: the run owns its image by its tag")
        .isEqualTo(built.imageId() + " {\"" + Engine.TEST_LABEL + "\":\"1\"}");
    assertThat(log).anyMatch(line -> line.contains("RUN --mount=type=cache,target=/cache"));
    List<String> told = log.stream().filter(l -> !l.matches("#\\d+ sha256:[0-9a-f]{64}")).toList();
    assertThat(built.lastLines())
        .as("the log's last lines, vertex digests left out")
        .isEqualTo(told.subList(Math.max(0, told.size() - 50), told.size()));
  }

  @Test
  void aFailingBuildIsAResultWithItsLineAndLastLogLines() throws IOException {
    BuildRequest request =
        request(
            PREFIX
                + "# a comment, then a continued instruction\n"
                + "RUN echo building \\\n"
                + "    && echo more\n"
                + "RUN echo about-to-fail && exit 3\n"
                + "RUN echo never\n");

    BuildResult result = builder.build(request, "head");

    assertThat(result).isInstanceOf(BuildResult.Failed.class);
    BuildResult.Failed failed = (BuildResult.Failed) result;
    System.out.printf("failing build: %d ms%n", failed.duration().toMillis());
    assertThat(failed.exitCode()).isEqualTo(1);
    assertThat(failed.dockerfileLine()).isEqualTo(OptionalInt.of(7));
    assertThat(failed.failingStep()).contains("RUN echo about-to-fail && exit 3");
    assertThat(failed.lastLines()).anyMatch(line -> line.endsWith("about-to-fail"));
    assertThat(failed.lastLines().get(failed.lastLines().size() - 1)).contains("exit code: 3");
    assertThat(failed.stepExitCode()).as("the RUN's own, not the CLI's").hasValue(3);
    assertThat(log).noneMatch(line -> line.contains("never"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "a COPY of a missing file in a named stage|FROM scratch AS tools\\nCOPY busybox /bin/busybox"
            + "\\nFROM scratch\\nCOPY --from=tools /bin/busybox /bin/busybox"
            + "\\nCOPY missing.txt /missing.txt\\n|5",
        "an unknown instruction|FROM scratch\\nCOPY busybox /bin/busybox\\nBOGUS x\\n|3",
        "an exec-form RUN|FROM scratch\\nCOPY busybox /bin/busybox\\nENV X=1"
            + "\\nRUN [\"/bin/busybox\",  \"false\"]\\n|4",
        "a RUN whose ARG BuildKit expanded|"
            + "FROM scratch\\nCOPY busybox /bin/busybox\\nSHELL [\"/bin/busybox\", \"sh\", \"-c\"]"
            + "\\nARG V=7\\nRUN echo $V && exit 4\\n|5",
      })
  void theFailingLineIsFoundFor(String what, String dockerfile, int line) throws IOException {
    BuildResult result = builder.build(request(dockerfile.replace("\\n", "\n")), "head");

    assertThat(result).isInstanceOf(BuildResult.Failed.class);
    assertThat(((BuildResult.Failed) result).dockerfileLine()).hasValue(line);
  }

  @Test
  void aMissingDockerfileIsOneLineOfInvalidInput() throws IOException {
    BuildRequest request =
        BuildRequest.of(BuildFixture.context(tmp, PREFIX), tmp.resolve("nope.Dockerfile"));

    assertThatThrownBy(() -> builder.build(request, "base"))
        .isInstanceOfSatisfying(
            SizebotException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.INVALID_INPUT))
        .hasMessage(
            "Dockerfile " + tmp.resolve("nope.Dockerfile") + " does not exist; check --dockerfile");
    assertThat(log).isEmpty();
  }

  @Test
  void headBuiltAfterBaseReusesTheBaseSteps() throws IOException {
    // The run id keeps earlier test runs' cache out: only this base can serve the head.
    String base = PREFIX + "RUN echo " + run.runId() + " > /base\n";
    BuildRequest baseRequest = request(base);
    Files.writeString(tmp.resolve("Head.Dockerfile"), base + "RUN echo head > /head\n");
    BuildRequest headRequest =
        BuildRequest.of(tmp, tmp.resolve("Head.Dockerfile")).withLabels(BuildFixture.TEST_LABELS);

    BuildResult.Built baseBuilt = BuildFixture.built(builder.build(baseRequest, "base"));
    log.clear();
    BuildResult.Built headBuilt = BuildFixture.built(builder.build(headRequest, "head"));

    System.out.printf(
        "base build: %d ms, head build: %d ms%n",
        baseBuilt.duration().toMillis(), headBuilt.duration().toMillis());
    assertThat(headBuilt.imageId()).isNotEqualTo(baseBuilt.imageId());
    assertThat(String.join("\n", log))
        .containsPattern(
            "RUN echo " + run.runId() + " > /base\\n#\\d+ sha256:[0-9a-f]+\\n#\\d+ CACHED");
  }

  @Test
  void anotherRunRebuildingTheSameRequestGetsTheSameImageId() throws IOException {
    // The image record of the layer cache is keyed by image ID: a rebuild from BuildKit's cache in
    // a later run must come out as the very same image, after the first run removed its own.
    BuildRequest request = request(PREFIX + "RUN echo " + run.runId() + " > /same\n");
    String first;
    try (RunResources earlier = RunResources.start(engine, BuildFixture.REPOSITORY, false)) {
      first =
          BuildFixture.built(
                  new Builder(BuildFixture.cli(), earlier, log::add).build(request, "base"))
              .imageId();
    }
    assertThat(Engine.docker("images", "-q", BuildFixture.REPOSITORY).strip()).isEmpty();

    BuildResult.Built again = BuildFixture.built(builder.build(request, "base"));

    assertThat(again.imageId()).isEqualTo(first);
  }
}
