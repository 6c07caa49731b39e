package dev.sizebot.rules;

import static dev.sizebot.rules.RuleCheck.lines;
import static dev.sizebot.rules.RuleCheck.parse;
import static dev.sizebot.testing.LayerBuilder.image;
import static dev.sizebot.testing.LayerBuilder.layer;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sizebot.analysis.Analysis;
import dev.sizebot.common.ByteSize;
import dev.sizebot.image.Image;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** SB117 and SB118 through the whole rule set, on synthetic images with real analyses. */
class LaterWasteTest {
  private static LintResult lint(String dockerfile, Image image, Map<Integer, Integer> lines) {
    Evidence evidence = new AnalysisEvidence(image, Analysis.of(image), new LayerLines(lines));
    return RuleSet.standard()
        .lint(LintInput.of(parse(dockerfile)).withEvidence(evidence), "Dockerfile", Set.of());
  }

  private static List<String> waste(LintResult result) {
    return result.findings().stream()
        .filter(f -> Set.of("SB110", "SB117", "SB118").contains(f.ruleId()))
        .map(f -> f.ruleId() + "@" + f.location().label() + "=" + f.savings().orElseThrow().bytes())
        .toList();
  }

  @Test
  void whatTheBaseImageWastesIsNotBlamedOnTheDockerfile() {
    // Layer 0 is the base image's: it ships docs that line 2 deletes and a file line 3 rewrites.
    Image image =
        image(
            layer("base")
                .dir("/usr/share/doc")
                .file("/usr/share/doc/x", 5_000, "d")
                .file("/etc/c", 70, "c1"),
            layer("RUN ./strip-docs").whiteout("/usr/share/doc"),
            layer("COPY c /etc/c").file("/etc/c", 80, "c2"));
    String dockerfile = lines("FROM debian:12-slim", "RUN ./strip-docs", "COPY c /etc/c");
    LintResult result = lint(dockerfile, image, Map.of(2, 1, 3, 2));
    assertThat(Analysis.of(image).reclaimableBytes()).isEqualTo(5_070);
    assertThat(waste(result)).isEmpty();
    assertThat(result.savings()).isEqualTo(ByteSize.ZERO);
  }

  @Test
  void aBuilderStageTheFinalStageIsBuiltFromShipsItsWaste() {
    // The final stage continues the builder's history, so line 3's layer is in the image.
    Image image =
        image(
            layer("base").file("/bin/sh", 10, "sh"),
            layer("RUN ./fetch").dir("/tmp/dl").file("/tmp/dl/a.tgz", 9_000, "a"),
            layer("RUN ./install").whiteout("/tmp/dl").file("/opt/app", 300, "app"));
    String dockerfile =
        lines("FROM debian:12-slim AS build", "RUN ./fetch", "FROM build", "RUN ./install");
    LintResult result = lint(dockerfile, image, Map.of(2, 1, 4, 2));
    assertThat(waste(result)).containsExactly("SB117@2=9000");
    assertThat(result.findings().get(0).message())
        .isEqualTo(
            "the RUN at line 2 adds files that line 4 deletes: /tmp/dl (9.00 kB); delete them in"
                + " the step that creates them, or create them in a build stage and COPY only what"
                + " the image needs");
  }

  @Test
  void theTotalNeverExceedsTheReclaimableBytesPlusTheLiveBytesTheRulesProve() {
    // Line 2 leaves apt lists that line 3 rewrites (SB102 twice, SB118 once, over one byte set).
    Image image =
        image(
            layer("base").file("/bin/sh", 10, "sh"),
            layer("RUN apt-get update && apt-get install -y a")
                .dir("/var/lib/apt/lists")
                .file("/var/lib/apt/lists/p", 40_000, "p1"),
            layer("RUN apt-get update && apt-get install -y b")
                .file("/var/lib/apt/lists/p", 41_000, "p2"));
    String dockerfile =
        lines(
            "FROM debian:12-slim",
            "RUN apt-get update && apt-get install -y a",
            "RUN apt-get update && apt-get install -y b");
    LintResult result = lint(dockerfile, image, Map.of(2, 1, 3, 2));
    assertThat(waste(result)).containsExactly("SB118@2=40000");
    long perFinding =
        result.findings().stream()
            .mapToLong(f -> f.savings().map(ByteSize::bytes).orElse(0L))
            .sum();
    assertThat(perFinding).isEqualTo(40_000 + 40_000 + 41_000);
    assertThat(result.savings()).isEqualTo(ByteSize.of(40_000 + 41_000));
  }
}
