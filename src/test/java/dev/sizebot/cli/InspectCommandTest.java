package dev.sizebot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sizebot.image.testing.EntryNaming;
import dev.sizebot.image.testing.TestArchive;
import dev.sizebot.image.testing.TestCompression;
import dev.sizebot.image.testing.TestImage;
import dev.sizebot.image.testing.TestLayer;
import dev.sizebot.report.GoldenFile;
import dev.sizebot.testing.Engine;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class InspectCommandTest {
  @TempDir Path dir;

  /** zstd layers: their compressed sizes are exact and do not depend on the platform's zlib. */
  private Path archive() {
    return archive(EntryNaming.ENGINE, TestCompression.ZSTD, "api.tar");
  }

  private Path archive(EntryNaming naming, TestCompression compression, String file) {
    TestImage image =
        TestImage.tagged("shop/api:2")
            .layer(
                TestLayer.step("/bin/sh -c #(nop) ADD file:01ab in / ")
                    .dir("/bin")
                    .file("/bin/tool", "#!/bin/sh\necho tool\n".repeat(40))
                    .hardlink("/bin/tool2", "/bin/tool")
                    .dir("/srv")
                    .file("/srv/report.csv", "a,b,c\n".repeat(200))
                    .compression(compression)
                    .naming(naming))
            .emptyStep("ENV MODE=prod")
            .layer(
                TestLayer.step(
                        "RUN /bin/sh -c gen > /srv/report.csv && cp /bin/tool /srv/ # buildkit")
                    .dir("/srv")
                    .file("/srv/report.csv", "x,y\n".repeat(500))
                    .file("/srv/tool", "#!/bin/sh\necho tool\n".repeat(40))
                    .whiteout("/bin/tool")
                    .compression(compression)
                    .naming(naming));
    return TestArchive.dockerSaveOci(image).writeTar(dir.resolve(file));
  }

  @Test
  void markdownOfAnArchiveIsExact() {
    MainTest.Result r = MainTest.run("inspect", archive().toString(), "--top", "3");

    assertThat(r.err()).isEmpty();
    assertThat(r.code()).isZero();
    GoldenFile.assertMatches("golden/inspect-cli.md", r.out());
  }

  @Test
  void jsonOfAnArchiveIsExact() {
    MainTest.Result r = MainTest.run("inspect", archive().toString(), "--format", "json");

    assertThat(r.err()).isEmpty();
    assertThat(r.code()).isZero();
    GoldenFile.assertMatches("golden/inspect-cli.json", r.out());
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(EntryNaming.class)
  void gzipLayersOfEveryWritersNamingInspectAsTheEnginesLayersDo(EntryNaming naming) {
    Path engine = archive(EntryNaming.ENGINE, TestCompression.GZIP, "engine.tar");
    Path theirs = archive(naming, TestCompression.GZIP, "theirs.tar");

    MainTest.Result expected = MainTest.run("inspect", engine.toString());
    MainTest.Result r = MainTest.run("inspect", theirs.toString());

    assertThat(r.err()).isEmpty();
    assertThat(r.code()).isZero();
    // Sizes and waste as the golden file states them; compressed bytes differ with the names.
    assertThat(r.out())
        .contains("| 4.80 kB | ")
        .contains("| 0 | 2.00 kB | ")
        .contains("| 1 | 2.80 kB | ")
        .contains("| 1.20 kB | `/srv/report.csv` | #0 | #1 | overwritten |");
    assertThat(from("#### Largest files", r.out()))
        .isEqualTo(from("#### Largest files", expected.out()));
  }

  @ParameterizedTest
  @ValueSource(strings = {"/../etc/passwd", "./app/../../x", "/app/pass\0wd"})
  void anEscapeOrANulInAKanikoLayerIsOneLineAndExitTwo(String name) {
    TestLayer layer = TestLayer.step("RUN x").naming(EntryNaming.ABSOLUTE).dir("/app");
    if (name.indexOf('\0') >= 0) {
      layer.rawPaxFile(name, new byte[] {1});
    } else {
      layer.rawFile(name, new byte[] {1});
    }
    TestImage image = TestImage.tagged("evil:1").layer(layer.compression(TestCompression.GZIP));
    Path archive = TestArchive.ociLayout(image).writeTar(dir.resolve("evil.tar"));

    MainTest.Result r = MainTest.run("inspect", archive.toString());

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err().lines()).hasSize(1);
    assertThat(r.err())
        .isEqualTo(
            "sizebot: error: "
                + archive
                + ": layer '"
                + TestArchive.blobPath(layer)
                + "' has an unsafe entry name '"
                + name.replace("\0", "\\0")
                + "' ('..' or NUL): refusing to read this archive\n");
  }

  private static String from(String heading, String markdown) {
    return markdown.substring(markdown.indexOf(heading));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = ';',
      value = {
        "/no/such/file.tar; '/no/such/file.tar' is neither an existing file or directory nor an"
            + " image reference",
        "Not A Ref!; 'Not A Ref!' is neither an existing file or directory nor an image reference",
      })
  void aTargetThatIsNeitherAPathNorARefIsOneLineAndExitTwo(String target, String message) {
    MainTest.Result r = MainTest.run("inspect", target);

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err().lines()).hasSize(1);
    assertThat(r.err()).startsWith("sizebot: error: " + message);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = ';',
      value = {"--top; -1; --top must be 0 or more", "--format; xml; Invalid value for option"})
  void badOptionsAreOneLineAndExitTwo(String option, String value, String message) {
    MainTest.Result r = MainTest.run("inspect", archive().toString(), option, value);

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err().lines()).hasSize(1);
    assertThat(r.err()).contains(message);
  }

  @Test
  void aFileThatIsNoImageArchiveIsExitTwo() throws IOException {
    Path notAnArchive = java.nio.file.Files.writeString(dir.resolve("notes.txt"), "hello");

    MainTest.Result r = MainTest.run("inspect", notAnArchive.toString());

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err().lines()).hasSize(1);
  }

  @Test
  void anImageTheEngineDoesNotHaveIsExitTwo() {
    Engine.require();

    MainTest.Result r = MainTest.run("inspect", "sizebot-test-analysis-absent:nope");

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err().lines()).hasSize(1);
    assertThat(r.err())
        .contains("image 'sizebot-test-analysis-absent:nope' is not in the local engine");
  }

  @Test
  void anUnreachableEngineIsExitThree() throws Exception {
    Process p = MainTest.withoutEngine(dir, "inspect", "some/image:1");
    String output = MainTest.output(p);

    assertThat(p.exitValue()).as(output).isEqualTo(3);
    assertThat(output).contains("sizebot: error: no Docker engine answers at unix://");
  }
}
