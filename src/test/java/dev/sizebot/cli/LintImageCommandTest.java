package dev.sizebot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sizebot.image.testing.TestArchive;
import dev.sizebot.image.testing.TestImage;
import dev.sizebot.image.testing.TestLayer;
import dev.sizebot.report.GoldenFile;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lint --image ARCHIVE}: findings confirmed and sized from an archive built by hand. */
class LintImageCommandTest {
  /** Inside the working directory, so the reported path is relative and the golden is stable. */
  private static final String DOCKERFILE =
      "src/test/resources/dev/sizebot/cli/lint-image/Dockerfile";

  @TempDir Path dir;

  // The history of the Dockerfile above over a one-layer debian base.
  private Path archive() {
    TestImage image =
        TestImage.tagged("shop/tools:1")
            .layer(
                TestLayer.step("/bin/sh -c #(nop) ADD file:5d6b in / ")
                    .dir("/usr")
                    .dir("/usr/bin")
                    .file("/usr/bin/sh", new byte[1_000]))
            .emptyStep("/bin/sh -c #(nop)  CMD [\"bash\"]")
            .emptyStep("ENV DEBIAN_FRONTEND=noninteractive")
            .layer(
                TestLayer.step(
                        "RUN /bin/sh -c apt-get update && apt-get install -y"
                            + " --no-install-recommends gcc # buildkit")
                    .dir("/var/lib/apt/lists")
                    .file("/var/lib/apt/lists/deb.debian.org_Packages", new byte[45_000])
                    .file("/var/lib/apt/lists/lock", new byte[200])
                    .dir("/usr/bin")
                    .file("/usr/bin/gcc-12", new byte[5_000])
                    .symlink("/usr/bin/gcc", "gcc-12")
                    .dir("/usr/lib/gcc")
                    .file("/usr/lib/gcc/cc1", new byte[7_000])
                    .dir("/usr/include")
                    .file("/usr/include/stdio.h", new byte[900]))
            .layer(
                TestLayer.step(
                        "RUN /bin/sh -c curl -fsSLo /tmp/big.tar.gz https://example.org/big.tar.gz"
                            + " && tar -xzf /tmp/big.tar.gz -C /opt # buildkit")
                    .dir("/tmp")
                    .file("/tmp/big.tar.gz", new byte[30_000])
                    .dir("/opt")
                    .file("/opt/tool", new byte[60_000]))
            .layer(
                TestLayer.step("RUN /bin/sh -c rm -f /tmp/big.tar.gz # buildkit")
                    .dir("/tmp")
                    .whiteout("/tmp/big.tar.gz"))
            .emptyStep("USER 1000")
            // what `docker build --label` appends with the classic builder: not a Dockerfile line
            .emptyStep("/bin/sh -c #(nop)  LABEL dev.sizebot.test=1");
    return TestArchive.dockerSaveOci(image).writeTar(dir.resolve("tools.tar"));
  }

  @Test
  void markdownCarriesTheImagesEvidenceAndSavings() {
    MainTest.Result r =
        MainTest.run("lint", DOCKERFILE, "--image", archive().toString(), "--fail-on", "none");
    assertThat(r.err()).isEmpty();
    assertThat(r.code()).isZero();
    GoldenFile.assertMatches("golden/lint-image.md", r.out());
  }

  @Test
  void jsonSavingsAreTheExactLayerBytes() throws Exception {
    MainTest.Result r =
        MainTest.run("lint", DOCKERFILE, "--image", archive().toString(), "--format", "json");
    JsonNode findings = new ObjectMapper().readTree(r.out()).path("findings");
    assertThat(savings(findings, "/var/lib/apt/lists")).isEqualTo(45_200);
    assertThat(savings(findings, "deletes /tmp/big.tar.gz")).isEqualTo(30_000);
    assertThat(savings(findings, "build tools")).isEqualTo(7_900);
  }

  private static long savings(JsonNode findings, String messagePart) {
    for (JsonNode f : findings) {
      if (f.path("message").asText().contains(messagePart) && f.has("savingsBytes")) {
        return f.path("savingsBytes").asLong();
      }
    }
    throw new AssertionError("no finding with savings mentions '" + messagePart + "': " + findings);
  }

  @Test
  void anImageBuiltFromAnotherDockerfileIsAnInputError() {
    Path other =
        TestArchive.dockerSaveOci(
                TestImage.tagged("other:1")
                    .layer(TestLayer.step("ADD file:1 in / ").file("/a", "a"))
                    .layer(TestLayer.step("COPY app /app # buildkit").file("/app", "b"))
                    .layer(TestLayer.step("COPY app /app # buildkit").file("/app", "c"))
                    .layer(TestLayer.step("COPY app /app # buildkit").file("/app", "d"))
                    .emptyStep("ENV A=1")
                    .emptyStep("USER 1000"))
            .writeTar(dir.resolve("other.tar"));
    MainTest.Result r = MainTest.run("lint", DOCKERFILE, "--image", other.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err().strip())
        .isEqualTo(
            "sizebot: error: image "
                + other
                + " was not built from "
                + DOCKERFILE
                + " (line 2 is ENV but the image's step there is COPY): pass --image the image"
                + " built from this Dockerfile");
  }
}
