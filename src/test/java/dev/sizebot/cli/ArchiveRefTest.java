package dev.sizebot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sizebot.image.testing.TestArchive;
import dev.sizebot.image.testing.TestImage;
import dev.sizebot.image.testing.TestLayer;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ARCHIVE#REF}: picking one image of an archive that holds several. */
class ArchiveRefTest {
  @TempDir Path dir;

  private static TestImage app(int version) {
    return TestImage.tagged("app:" + version)
        .layer(TestLayer.step("COPY rootfs /").file("/base.txt", "base\n"))
        .layer(TestLayer.step("RUN make v" + version).file("/v.txt", "v".repeat(version * 100)));
  }

  private String multi() {
    return TestArchive.dockerSaveLegacy(app(1), app(2))
        .writeTar(dir.resolve("multi.tar"))
        .toString();
  }

  private static void assertOneLine(MainTest.Result r, String line) {
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).isEqualTo("sizebot: error: " + line + System.lineSeparator());
    assertThat(r.code()).isEqualTo(2);
  }

  @Test
  void anArchiveOfSeveralImagesWithoutARefSaysHowToNameOne() {
    String multi = multi();

    assertOneLine(
        MainTest.run("inspect", multi),
        multi
            + " holds 2 images (app:1, app:2): name one as "
            + multi
            + "#REF, e.g. "
            + multi
            + "#app:1");
  }

  @Test
  void aRefAfterTheHashInspectsThatImageExactlyAsIfItWereAlone() {
    String alone = TestArchive.dockerSaveLegacy(app(2)).writeTar(dir.resolve("two.tar")).toString();
    MainTest.Result expected = MainTest.run("inspect", alone);

    MainTest.Result picked = MainTest.run("inspect", multi() + "#app:2");

    assertThat(picked.err()).isEmpty();
    assertThat(picked.code()).isZero();
    assertThat(picked.out()).startsWith("### 🐳 `app:2` · linux/amd64\n").isEqualTo(expected.out());
  }

  @Test
  void anOciLayoutDirectoryTakesARefToo() {
    Path layout = TestArchive.ociLayout(app(1), app(2)).writeDirectory(dir.resolve("layout"));
    String alone = TestArchive.ociLayout(app(1)).writeTar(dir.resolve("one.tar")).toString();

    MainTest.Result picked = MainTest.run("inspect", layout + "#app:1");

    assertThat(picked.err()).isEmpty();
    assertThat(picked.out()).isEqualTo(MainTest.run("inspect", alone).out());
  }

  @Test
  void aRefTheArchiveDoesNotHoldListsWhatItHolds() {
    String multi = multi();

    assertOneLine(
        MainTest.run("inspect", multi + "#app:3"),
        "image 'app:3' is not in " + multi + " (it holds: app:1, app:2)");
  }

  @Test
  void aMissingArchiveBeforeTheHashIsAMissingPath() {
    String missing = dir.resolve("missing.tar").toString();

    assertOneLine(
        MainTest.run("inspect", missing + "#app:1"),
        "archive '" + missing + "' (before '#') does not exist: check the path");
  }

  @Test
  void aHashWithNothingAfterItSaysHowToWriteARef() {
    String multi = multi();

    assertOneLine(
        MainTest.run("inspect", multi + "#"),
        "'" + multi + "#' names no image after '#': write ARCHIVE#REF, e.g. " + multi + "#app:1");
  }

  @Test
  void aFileWhoseNameHoldsAHashIsReadAsItself() throws Exception {
    Path hashed = dir.resolve("build#7.tar");
    TestArchive.dockerSaveLegacy(app(1)).writeTar(hashed);

    MainTest.Result r = MainTest.run("inspect", hashed.toString());

    assertThat(r.err()).isEmpty();
    assertThat(r.out()).startsWith("### 🐳 `app:1` · linux/amd64\n");
  }

  @Test
  void compareTakesARefOnEachSide() {
    String multi = multi();

    MainTest.Result r = MainTest.run("compare", multi + "#app:1", multi + "#app:2");

    assertThat(r.err()).isEmpty();
    assertThat(r.code()).isZero();
    assertThat(r.out())
        .contains("- base: archive " + escaped(multi) + "\\#app:1\n")
        .contains("- head: archive " + escaped(multi) + "\\#app:2\n");
  }

  private static String escaped(String path) {
    return path.replace("-", "\\-").replace(".", "\\.").replace("_", "\\_");
  }
}
