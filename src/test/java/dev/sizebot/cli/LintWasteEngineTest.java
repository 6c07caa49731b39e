package dev.sizebot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sizebot.docker.BuildKitCli;
import dev.sizebot.docker.BuildRequest;
import dev.sizebot.docker.BuildResult;
import dev.sizebot.docker.Builder;
import dev.sizebot.docker.DockerEngine;
import dev.sizebot.docker.RunResources;
import dev.sizebot.testing.Engine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SB117 and SB118 on images BuildKit built FROM scratch with the static busybox: files of exactly
 * known sizes are deleted or overwritten by later steps, and each finding carries exactly the bytes
 * the engine reports for the layer that added them.
 */
class LintWasteEngineTest {
  // Line 4 copies app/ (docs/ = 30,000 + 1,234 bytes, run.sh) and line 5 deletes docs; line 6's
  // stand-in apt-get writes 40,000 + 25,000 bytes that line 7 writes again; line 8 runs a script
  // that writes 20,000 bytes which line 9 deletes (no text shows line 8 writing /opt/cache).
  private static final String WASTEFUL =
      """
      FROM scratch
      COPY bin /bin
      WORKDIR /app
      COPY app .
      RUN rm -rf docs
      RUN apt-get update && apt-get install -y hello
      RUN apt-get update && apt-get install -y curl
      RUN sh /app/run.sh
      RUN rm -rf /opt/cache
      USER 1000
      """;

  // Waste only in the builder stage, which never ships; the final image copies the results.
  private static final String GOOD_MULTI_STAGE =
      """
      FROM scratch AS build
      COPY bin /bin
      RUN mkdir -p /out /tmp && head -c 5000 /dev/urandom > /out/app \\
          && head -c 9000 /dev/urandom > /tmp/junk
      RUN rm /tmp/junk && head -c 6000 /dev/urandom > /out/app

      FROM scratch
      COPY --from=build /bin /bin
      COPY --from=build /out/app /app
      USER 1000
      """;

  private static final String APT_GET =
      """
      #!/bin/sh
      mkdir -p /var/lib/apt/lists /var/cache/apt
      head -c 40000 /dev/urandom > /var/lib/apt/lists/deb_Packages
      head -c 25000 /dev/urandom > /var/cache/apt/pkgcache.bin
      """;

  private static final String RUN_SH =
      """
      mkdir -p /opt/cache
      head -c 20000 /dev/urandom > /opt/cache/data.bin
      """;

  @TempDir Path context;
  private DockerEngine engine;
  private RunResources run;

  @BeforeEach
  void connect() {
    Engine.require();
    engine = DockerEngine.connect();
    run = RunResources.start(engine, "sizebot-test-waste", false);
  }

  @AfterEach
  void cleanUp() {
    if (run != null) {
      run.close();
      engine.close();
    }
  }

  @Test
  void deletedAndOverwrittenBytesBecomeFindingsOnTheStepsThatAddedThem() throws Exception {
    Path app = Files.createDirectories(context.resolve("app/docs"));
    Files.write(app.resolve("big.bin"), random(30_000));
    Files.write(app.resolve("notes.md"), random(1_234));
    Files.writeString(context.resolve("app/run.sh"), RUN_SH);
    String image = build(WASTEFUL);
    Map<Integer, Long> layer = layerSizes(image);
    assertThat(layer).containsEntry(4, 31_234L + RUN_SH.length());
    assertThat(layer).containsEntry(6, 65_000L).containsEntry(7, 65_000L);
    assertThat(layer).containsEntry(8, 20_000L);

    JsonNode report = lint(image);
    JsonNode copy = only(report, "SB117", 4);
    assertThat(copy.path("lines").toString()).isEqualTo("{\"start\":4,\"end\":4}");
    assertThat(copy.path("savingsBytes").asLong()).isEqualTo(31_234L);
    assertThat(copy.path("message").asText())
        .isEqualTo("the COPY at line 4 adds files that line 5 deletes: /app/docs (31.2 kB)");
    assertThat(copy.path("fix").path("file").asText()).isEqualTo(".dockerignore");
    assertThat(copy.path("fix").path("text").asText()).isEqualTo("app/docs\n");

    JsonNode script = only(report, "SB117", 8);
    assertThat(script.path("savingsBytes").asLong()).isEqualTo(layer.get(8));
    assertThat(script.path("message").asText())
        .isEqualTo("the RUN at line 8 adds files that line 9 deletes: /opt/cache (20.0 kB)");
    assertThat(script.path("fix").path("text").asText())
        .isEqualTo("RUN sh /app/run.sh \\\n    && rm -rf /opt/cache");

    JsonNode apt = only(report, "SB118", 6);
    assertThat(apt.path("savingsBytes").asLong()).isEqualTo(layer.get(6));
    assertThat(apt.path("message").asText())
        .isEqualTo(
            "the RUN at line 6 writes files that line 7 overwrites:"
                + " /var/lib/apt/lists/deb_Packages (40.0 kB), /var/cache/apt/pkgcache.bin"
                + " (25.0 kB)");
    assertThat(apt.path("fix").path("lines").toString()).isEqualTo("{\"start\":6,\"end\":7}");
    assertThat(ruleLines(report, "SB117")).containsExactly(4, 8);
    assertThat(ruleLines(report, "SB118")).containsExactly(6);

    // SB102 sizes the apt lists of lines 6 and 7; line 6's are among SB118's bytes too.
    assertThat(only(report, "SB102", 6).path("savingsBytes").asLong()).isEqualTo(40_000);
    assertThat(only(report, "SB102", 7).path("savingsBytes").asLong()).isEqualTo(40_000);
    long perFinding = 0;
    for (JsonNode f : report.path("findings")) {
      perFinding += f.path("savingsBytes").asLong();
    }
    assertThat(perFinding).isEqualTo(31_234L + 65_000 + 20_000 + 40_000 + 40_000);
    // Each byte once: the dead bytes of lines 4, 6 and 8 (= what inspect calls reclaimable),
    // plus the live apt lists SB102 proves in line 7's layer.
    assertThat(reclaimable(image)).isEqualTo(31_234L + 65_000 + 20_000);
    assertThat(report.path("summary").path("savingsBytes").asLong())
        .isEqualTo(reclaimable(image) + 40_000);
  }

  @Test
  void aGoodMultiStageBuildHasNoDeletedOrOverwrittenFiles() throws Exception {
    String image = build(GOOD_MULTI_STAGE);
    assertThat(reclaimable(image)).isZero();
    JsonNode report = lint(image);
    assertThat(ruleLines(report, "SB117")).isEmpty();
    assertThat(ruleLines(report, "SB118")).isEmpty();
    assertThat(report.path("summary").path("savingsBytes").asLong()).isZero();
  }

  private String build(String dockerfile) throws IOException {
    Path bin = Files.createDirectories(context.resolve("bin"));
    Files.copy(Engine.busybox(), bin.resolve("busybox"));
    for (String applet : List.of("sh", "mkdir", "head", "rm")) {
      Files.createSymbolicLink(bin.resolve(applet), Path.of("busybox"));
    }
    Path aptGet = Files.writeString(bin.resolve("apt-get"), APT_GET);
    Files.setPosixFilePermissions(aptGet, PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.writeString(context.resolve("Dockerfile"), dockerfile);
    BuildKitCli cli =
        BuildKitCli.detect(
            Optional.ofNullable(System.getenv("SIZEBOT_DOCKER")), System.getenv("PATH"));
    BuildRequest request = BuildRequest.of(context).withLabels(Map.of(Engine.TEST_LABEL, "1"));
    List<String> log = new ArrayList<>();
    BuildResult result = new Builder(cli, run, log::add).build(request, "waste");
    assertThat(result).as("build log: %s", log).isInstanceOf(BuildResult.Built.class);
    return ((BuildResult.Built) result).tag();
  }

  private JsonNode lint(String image) throws IOException {
    MainTest.Result r =
        MainTest.run(
            "lint",
            context.resolve("Dockerfile").toString(),
            "--context",
            context.toString(),
            "--image",
            image,
            "--format",
            "json",
            "--fail-on",
            "none");
    assertThat(r.err()).isEmpty();
    return new ObjectMapper().readTree(r.out());
  }

  // The engine's own figure for each Dockerfile line's layer (docker history, newest first).
  private Map<Integer, Long> layerSizes(String image) {
    String history =
        Engine.docker("history", "--human=false", "--no-trunc", "--format", "{{.Size}}", image);
    List<String> sizes = history.lines().toList();
    // Lines 2–10 are the nine history entries of this build, newest (line 10) first.
    Map<Integer, Long> byLine = new java.util.HashMap<>();
    for (int i = 0; i < 9; i++) {
      byLine.put(10 - i, Long.parseLong(sizes.get(i).strip()));
    }
    return byLine;
  }

  private static long reclaimable(String image) throws IOException {
    MainTest.Result r = MainTest.run("inspect", image, "--format", "json");
    assertThat(r.err()).isEmpty();
    return new ObjectMapper().readTree(r.out()).path("reclaimable").path("bytes").asLong();
  }

  private static JsonNode only(JsonNode report, String rule, int line) {
    List<JsonNode> found = new ArrayList<>();
    for (JsonNode f : report.path("findings")) {
      if (f.path("ruleId").asText().equals(rule) && f.path("lines").path("start").asInt() == line) {
        found.add(f);
      }
    }
    assertThat(found).as("%s at line %d in %s", rule, line, report).hasSize(1);
    return found.get(0);
  }

  private static List<Integer> ruleLines(JsonNode report, String rule) {
    List<Integer> lines = new ArrayList<>();
    for (JsonNode f : report.path("findings")) {
      if (f.path("ruleId").asText().equals(rule)) {
        lines.add(f.path("lines").path("start").asInt());
      }
    }
    return lines;
  }

  private static byte[] random(int n) {
    byte[] bytes = new byte[n];
    new Random(n).nextBytes(bytes);
    return bytes;
  }
}
