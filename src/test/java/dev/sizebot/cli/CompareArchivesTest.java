package dev.sizebot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sizebot.image.testing.TestArchive;
import dev.sizebot.image.testing.TestImage;
import dev.sizebot.image.testing.TestLayer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code sizebot compare} on two archives written by the test-archive builder. */
class CompareArchivesTest {
  // Relative, fixed paths: the report names its inputs, and the golden files must not vary.
  static final Path DIR = Path.of("target/compare-archives");
  static final String BASE = DIR.resolve("app-base.tar").toString();
  static final String HEAD = DIR.resolve("app-head.oci.tar").toString();

  static byte[] bytes(char c, int n) {
    return String.valueOf(c).repeat(n).getBytes(StandardCharsets.UTF_8);
  }

  static TestLayer rootfs() {
    return TestLayer.step("COPY rootfs / # buildkit")
        .dir("/bin")
        .file("/bin/tool", bytes('t', 2_000), 0755)
        .dir("/etc")
        .file("/etc/passwd", "root:x:0:0::/:/bin/sh\n");
  }

  @BeforeAll
  static void writeArchives() throws IOException {
    Files.createDirectories(DIR);
    TestImage base =
        TestImage.tagged("app:base")
            .layer(rootfs())
            .emptyStep("ENV APP=1")
            .layer(
                TestLayer.step("RUN /bin/sh -c make # buildkit")
                    .dir("/app")
                    .file("/app/out", bytes('o', 1_000))
                    .file("/app/old.log", bytes('l', 300)))
            .env("APP=1")
            .cmd("/bin/tool");
    TestImage head =
        TestImage.tagged("app:head")
            .layer(rootfs())
            .emptyStep("ENV APP=1")
            .layer(
                TestLayer.step("RUN /bin/sh -c fetch data # buildkit")
                    .dir("/data")
                    .file("/data/blob", bytes('d', 5_000)))
            .layer(
                TestLayer.step("RUN /bin/sh -c make # buildkit")
                    .dir("/app")
                    .file("/app/out", bytes('O', 1_500)))
            .env("APP=2")
            .cmd("/bin/tool", "--serve")
            .label("org.opencontainers.image.title", "app <b>@octocat</b>");
    TestArchive.dockerSaveLegacy(base).writeTar(Path.of(BASE));
    TestArchive.dockerSaveOci(head).writeTar(Path.of(HEAD));
  }

  @Test
  void markdownOfTwoArchivesMatchesTheGoldenFile() {
    MainTest.Result r = MainTest.run("compare", BASE, HEAD);
    assertThat(r.err()).isEmpty();
    assertThat(r.code()).isZero();
    dev.sizebot.report.GoldenFile.assertMatches("golden/compare-archives.md", r.out());
  }

  @Test
  void jsonOfTwoArchivesMatchesTheGoldenFile() {
    MainTest.Result r = MainTest.run("compare", BASE, HEAD, "--format", "json");
    assertThat(r.code()).isZero();
    dev.sizebot.report.GoldenFile.assertMatches("golden/compare-archives.json", r.out());
  }

  @Test
  void theInsertedStepIsAddedAndTheStepsAfterItKeepTheirPartners() throws Exception {
    JsonNode json =
        new ObjectMapper().readTree(MainTest.run("compare", BASE, HEAD, "--format", "json").out());
    assertThat(json.at("/delta/bytes").asLong()).isEqualTo(5_000 + 500 - 300);
    assertThat(json.at("/steps/0/match").asText()).isEqualTo("unchanged");
    assertThat(json.at("/steps/1/match").asText()).isEqualTo("unchanged");
    assertThat(json.at("/steps/2/match").asText()).isEqualTo("added");
    assertThat(json.at("/steps/2/head/size").asLong()).isEqualTo(5_000);
    assertThat(json.at("/steps/3/match").asText()).isEqualTo("changed");
    assertThat(json.at("/steps/3/base/index").asInt()).isEqualTo(2);
    assertThat(json.at("/steps/3/head/index").asInt()).isEqualTo(3);
    assertThat(json.at("/steps/3/deltaBytes").asLong()).isEqualTo(200);
    assertThat(json.at("/files/kinds/added/count").asInt()).isEqualTo(1);
    assertThat(json.at("/files/kinds/removed/deltaBytes").asLong()).isEqualTo(-300);
  }

  @Test
  void aMissingSideIsOneLineAndExitTwo() {
    MainTest.Result r = MainTest.run("compare", BASE);
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err().lines()).hasSize(1);
    assertThat(r.err()).startsWith("sizebot: error: compare needs a base and a head");
  }

  @Test
  void aSideThatIsNeitherAFileNorARefIsInvalidInput() {
    MainTest.Result r = MainTest.run("compare", BASE, "no/such/FILE.tar");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err())
        .isEqualTo(
            "sizebot: error: head 'no/such/FILE.tar' is neither an existing archive/directory nor"
                + " an image reference: check the path or the name\n");
  }

  @Test
  void aRefAndADockerfileForTheSameSideExcludeEachOther() {
    MainTest.Result r =
        MainTest.run("compare", HEAD, "--base-ref", "main", "--base-dockerfile", "Dockerfile");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err())
        .isEqualTo(
            "sizebot: error: --base-ref and --base-dockerfile exclude each other: pick one\n");
  }

  @Test
  void startupNeedsEngineImagesNotArchives() {
    MainTest.Result r = MainTest.run("compare", BASE, HEAD, "--startup", "exit");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err())
        .isEqualTo(
            "sizebot: error: --startup runs images in the engine: compare engine images or"
                + " builds, or 'docker load' the archives first\n");
  }

  @Test
  void aBadProbeIsInvalidInput() {
    MainTest.Result r = MainTest.run("compare", BASE, HEAD, "--startup", "bogus");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err().lines()).hasSize(1);
    assertThat(r.err()).startsWith("sizebot: error: ");
  }

  @Test
  void aDockerfileGivenWithArchivesNamesTheBuildsStepsAndLines() throws Exception {
    Path dockerfile = DIR.resolve("app.Dockerfile");
    Files.writeString(
        dockerfile, "FROM scratch\nCOPY rootfs /\nENV APP=1\nRUN fetch data\nRUN make\n");
    JsonNode json =
        new ObjectMapper()
            .readTree(
                MainTest.run(
                        "compare",
                        BASE,
                        HEAD,
                        "--dockerfile",
                        dockerfile.toString(),
                        "--format",
                        "json")
                    .out());
    assertThat(json.at("/drift/known").asBoolean()).isTrue();
    assertThat(json.at("/drift/drifted").asBoolean()).isFalse();
    assertThat(json.at("/steps/2/head/line").asInt()).isEqualTo(4);
    assertThat(json.at("/steps/3/head/line").asInt()).isEqualTo(5);
  }
}
