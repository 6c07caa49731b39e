package dev.sizebot.image;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sizebot.image.testing.ExampleImages;
import dev.sizebot.image.testing.TestArchive;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The committed {@code examples/*.tar} must be exactly what the builder writes, so they never drift
 * from it. Regenerate with {@code mvn test -Dtest=ExamplesTest -Dsizebot.regenerate=true}.
 */
class ExamplesTest {
  private static final Map<String, TestArchive> EXAMPLES =
      Map.of(
          "app-base.tar", TestArchive.dockerSaveLegacy(ExampleImages.base()),
          "app-head.tar", TestArchive.dockerSaveLegacy(ExampleImages.head()),
          "app-oci.tar", TestArchive.ociLayout(ExampleImages.headCompressed()));

  private static Path examples() {
    String project = System.getenv("SIZEBOT_PROJECT_DIR");
    return Path.of(project == null ? "." : project, "examples");
  }

  @Test
  void committedExamplesAreExactlyWhatTheBuilderWrites() throws IOException {
    boolean regenerate = Boolean.getBoolean("sizebot.regenerate");
    for (Map.Entry<String, TestArchive> example : EXAMPLES.entrySet()) {
      Path file = examples().resolve(example.getKey());
      byte[] built = example.getValue().toBytes();
      if (regenerate) {
        Files.createDirectories(file.getParent());
        Files.write(file, built);
      }
      assertThat(file).exists();
      assertThat(Files.readAllBytes(file))
          .as("%s differs from the builder: regenerate with -Dsizebot.regenerate=true", file)
          .isEqualTo(built);
      assertThat(built.length).isLessThanOrEqualTo(200 * 1024);
    }
  }

  @Test
  void theHeadExampleShowsDeletedOverwrittenAndDuplicatedBytes() {
    Image head =
        ImageSource.open(examples().resolve("app-head.tar"), ReadLimits.DEFAULT)
            .read(ImageSelector.only("linux/amd64"));
    assertThat(head.tags()).containsExactly("example/app:head");
    assertThat(head.layers()).hasSize(5);
    assertThat(head.layers().get(4).index().whiteouts())
        .extracting(Object::toString)
        .containsExactly("/var/cache/apk/APKINDEX.tar.gz");
    LayerIndex app = head.layers().get(2).index();
    assertThat(ImageSourceTest.find(app.entries(), "/app/static/logo-copy.png").contentHash())
        .isEqualTo(ImageSourceTest.find(app.entries(), "/app/static/logo.png").contentHash());
    Image oci =
        ImageSource.open(examples().resolve("app-oci.tar"), ReadLimits.DEFAULT)
            .read(ImageSelector.only("linux/amd64"));
    assertThat(oci.size()).isEqualTo(head.size());
    assertThat(oci.layers()).allMatch(l -> l.index().compressedExact());
  }
}
