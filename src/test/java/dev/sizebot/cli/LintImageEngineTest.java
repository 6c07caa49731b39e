package dev.sizebot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sizebot.testing.Engine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lint --image} on an image the real engine built (classic builder, FROM scratch with the
 * static busybox): the savings are the exact bytes the engine reports for those layers.
 */
class LintImageEngineTest {
  private static final String DOCKERFILE =
      """
      FROM scratch
      COPY bin /bin
      RUN apt-get update && apt-get install -y --no-install-recommends hello
      RUN mkdir -p /tmp/dl && head -c 30000 /dev/zero > /tmp/dl/big.bin
      RUN rm -rf /tmp/dl
      USER 1000
      """;

  // A stand-in apt-get: each call leaves one package-list file of 40,000 bytes.
  private static final String APT_GET =
      """
      #!/bin/sh
      mkdir -p /var/lib/apt/lists
      head -c 40000 /dev/zero > "/var/lib/apt/lists/$1"
      """;

  @TempDir Path context;

  @Test
  void savingsEqualTheLayerSizesTheEngineReports() throws Exception {
    Engine.require();
    Path bin = Files.createDirectory(context.resolve("bin"));
    Files.copy(Engine.busybox(), bin.resolve("busybox"));
    Files.createSymbolicLink(bin.resolve("sh"), Path.of("busybox"));
    Files.createSymbolicLink(bin.resolve("mkdir"), Path.of("busybox"));
    Files.createSymbolicLink(bin.resolve("head"), Path.of("busybox"));
    Files.createSymbolicLink(bin.resolve("rm"), Path.of("busybox"));
    Path aptGet = Files.writeString(bin.resolve("apt-get"), APT_GET);
    Files.setPosixFilePermissions(aptGet, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path dockerfile = Files.writeString(context.resolve("Dockerfile"), DOCKERFILE);
    String tag = "sizebot-test-evidence-" + System.nanoTime() + ":1";
    try {
      Engine.build(context, tag);
      // The engine's own figures: docker history sizes of the two RUN layers.
      String history =
          Engine.docker(
              "history",
              "--human=false",
              "--no-trunc",
              "--format",
              "{{.Size}} {{.CreatedBy}}",
              tag);
      long aptLayer = sizeOf(history, "apt-get update");
      long downloadLayer = sizeOf(history, "head -c 30000");
      assertThat(aptLayer).isEqualTo(80_000);
      assertThat(downloadLayer).isEqualTo(30_000);

      MainTest.Result r =
          MainTest.run(
              "lint",
              dockerfile.toString(),
              "--image",
              tag,
              "--format",
              "json",
              "--fail-on",
              "none");
      assertThat(r.err()).isEmpty();
      JsonNode findings = new ObjectMapper().readTree(r.out()).path("findings");
      assertThat(finding(findings, "SB102").path("savingsBytes").asLong()).isEqualTo(aptLayer);
      assertThat(finding(findings, "SB102").path("evidence").asText())
          .isEqualTo("/var/lib/apt/lists holds 80.0 kB in the layer of line 3");
      assertThat(finding(findings, "SB110").path("savingsBytes").asLong()).isEqualTo(downloadLayer);
      assertThat(finding(findings, "SB110").path("evidence").asText())
          .isEqualTo("30.0 kB created at line 4 and deleted at line 5 is still shipped");
    } finally {
      Engine.removeImage(tag);
    }
  }

  private static long sizeOf(String history, String createdByPart) {
    return history
        .lines()
        .filter(l -> l.contains(createdByPart))
        .mapToLong(l -> Long.parseLong(l.substring(0, l.indexOf(' '))))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no step '" + createdByPart + "' in " + history));
  }

  private static JsonNode finding(JsonNode findings, String ruleId) {
    for (JsonNode f : findings) {
      if (f.path("ruleId").asText().equals(ruleId)) {
        return f;
      }
    }
    throw new AssertionError("no " + ruleId + " finding in " + findings);
  }
}
