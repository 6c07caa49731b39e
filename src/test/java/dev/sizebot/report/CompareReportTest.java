package dev.sizebot.report;

import static dev.sizebot.diff.TestImages.image;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sizebot.diff.BuildSteps;
import dev.sizebot.diff.ImageDiff;
import dev.sizebot.diff.Side;
import dev.sizebot.diff.TestImages;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CompareReportTest {
  static CompareReport report() {
    BuildSteps build = new BuildSteps(List.of(3, 4, 5, 6));
    var base =
        image()
            .layer("/bin/sh -c #(nop) ADD file:0123 in / ", "os1", "/bin/busybox", 1_000_000)
            .empty("/bin/sh -c #(nop)  CMD [\"sh\"]")
            .empty("ENV APP=1")
            .layer("COPY app /app # buildkit", "app", "/app/main", 20_000, "/app/old.txt", 300)
            .layer("RUN /bin/sh -c make | tee /log # buildkit", "make1", "/app/out", 5_000)
            .empty("LABEL owner=@octocat")
            .config(TestImages.config(List.of("APP=1"), Map.of("owner", "@octocat")));
    var head =
        image()
            .layer("/bin/sh -c #(nop) ADD file:4567 in / ", "os2", "/bin/busybox", 1_100_000)
            .empty("/bin/sh -c #(nop)  CMD [\"sh\"]")
            .empty("ENV APP=1")
            .layer("COPY app /app # buildkit", "app", "/app/main", 20_000, "/app/old.txt", 300)
            .layer("RUN /bin/sh -c fetch `data` > /data # buildkit", "data", "/data", 50_000)
            .layer("RUN /bin/sh -c make | tee /log # buildkit", "make2", "/app/out", 7_500)
            .empty("LABEL owner=<b>x</b>")
            .config(TestImages.config(List.of("APP=2"), Map.of("owner", "<b>x</b>")));
    BuildSteps headBuild = new BuildSteps(List.of(3, 4, 5, 6, 7));
    ImageDiff diff =
        ImageDiff.compare(
            new Side(base.build(), Optional.of(build), Optional.of(300L)),
            new Side(head.build(), Optional.of(headBuild), Optional.of(0L)),
            10);
    return new CompareReport(
        new Compared("main", "built from Dockerfile", Optional.of("1a2b3c4")),
        new Compared("feature", "built from Dockerfile", Optional.of("5d6e7f8")),
        Optional.of(diff),
        List.of());
  }

  @Test
  void markdownMatchesTheGoldenFile() {
    GoldenFile.assertMatches("dev/sizebot/report/compare.md", CompareMarkdown.render(report(), 10));
  }

  @Test
  void jsonMatchesTheGoldenFile() {
    GoldenFile.assertMatches("dev/sizebot/report/compare.json", CompareJson.render(report()));
  }

  @Test
  void withSomeLayersMeasuredAndOthersEstimatedEachEstimateIsMarked() {
    var base =
        image().layer("COPY a /a", "a1", "/a", 10_000).measured().layer("RUN x", "x1", "/x", 4_000);
    var head =
        image().layer("COPY a /a", "a2", "/a", 12_000).measured().layer("RUN x", "x2", "/x", 6_000);
    ImageDiff diff =
        ImageDiff.compare(
            new Side(base.build(), Optional.empty(), Optional.empty()),
            new Side(head.build(), Optional.empty(), Optional.empty()),
            10);
    CompareReport mixed =
        new CompareReport(
            new Compared("main", "archive", Optional.empty()),
            new Compared("pr", "archive", Optional.empty()),
            Optional.of(diff),
            List.of());

    String md = CompareMarkdown.render(mixed, 10);

    // TestImages: compressed = size / 2, so Δ 1,000 measured and ~1,000 estimated.
    assertThat(md)
        .contains(
            "| 0 | `COPY a /a` | 10.0 kB | 12.0 kB | +2.00 kB (+20.0 %) | +1.00 kB | changed |")
        .contains("| 1 | `RUN x` | 4.00 kB | 6.00 kB | +2.00 kB (+50.0 %) | ~+1.00 kB | changed |")
        .contains("~ estimated: the size a gzip push would transfer; the others were measured.");
    assertThat(CompareJson.render(mixed))
        .contains("\"compressedExact\" : true")
        .contains("\"compressedExact\" : false");
  }

  @Test
  void whenEveryLayerIsEstimatedNoStepIsMarkedAndTheHeadlineSaysSo() {
    String md = CompareMarkdown.render(report(), 10);

    assertThat(md).contains(" (estimated)").doesNotContain("~+").doesNotContain("~-");
  }

  @Test
  void jsonCarriesTheExactNumbers() throws Exception {
    JsonNode json = new ObjectMapper().readTree(CompareJson.render(report()));
    assertThat(json.get("schemaVersion").asInt()).isEqualTo(1);
    assertThat(json.at("/delta/bytes").asLong()).isEqualTo(100_000 + 50_000 + 2_500);
    assertThat(json.at("/delta/buildBytes").asLong()).isEqualTo(52_500);
    assertThat(json.at("/drift/deltaBytes").asLong()).isEqualTo(100_000);
    assertThat(json.at("/delta/wastedBytes").asLong()).isEqualTo(-300);
    assertThat(json.at("/steps/4/match").asText()).isEqualTo("added");
    assertThat(json.at("/steps/4/head/line").asInt()).isEqualTo(5);
    assertThat(json.at("/steps/5/deltaBytes").asLong()).isEqualTo(2_500);
  }

  @Test
  void untrustedTextCannotBreakOutOfTheMarkdown() {
    CompareReport r = report();
    CompareReport hostile =
        new CompareReport(
            new Compared("<img src=x> @octocat", "[x](http://evil)", Optional.of("`a|b`")),
            r.head(),
            r.diff(),
            r.failures());
    String md = CompareMarkdown.render(hostile, 10);
    // Values from the image sit in code spans (no HTML, no mentions there); labels are escaped.
    assertThat(md)
        .contains("| `label owner` | `@octocat` | `<b>x</b>` |")
        .contains("## sizebot compare: \\<img src=x\\> @\u200doctocat → feature")
        .contains("- \\<img src=x\\> @\u200doctocat: \\[x\\]\\(http://evil\\) at `` `a│b` ``");
  }

  private static CompareReport failedAt(Optional<Integer> stepExitCode) {
    return new CompareReport(
        new Compared("base", "built", Optional.empty()),
        new Compared("head", "built", Optional.empty()),
        Optional.empty(),
        List.of(
            new BuildFailure(
                "head",
                Optional.of(7),
                Optional.of("RUN make"),
                1,
                stepExitCode,
                List.of("make: *** [all] Error 1"))));
  }

  @Test
  void aFailedBuildSaysWhichSideLineAndTheStepsExitCode() {
    CompareReport failed = failedAt(Optional.of(2));

    assertThat(CompareMarkdown.render(failed, 10))
        .contains("**head build failed at line 7** (`RUN make`): the step exited with 2\n")
        .contains("```text\nmake: *** [all] Error 1\n```");
    assertThat(CompareJson.render(failed))
        .contains(
            "\"summary\" : \"head build failed at line 7 (RUN make): the step exited with 2\"")
        .contains("\"exitCode\" : 1,\n")
        .contains("\"stepExitCode\" : 2,\n");
  }

  @Test
  void aFailedBuildWhoseLogHidesTheStepsExitCodeGivesTheBuildCommands() {
    assertThat(CompareMarkdown.render(failedAt(Optional.empty()), 10))
        .contains("**head build failed at line 7** (`RUN make`), docker build exited with 1\n");
  }

  @Test
  void aStepRebuiltWithTheSameSizeIsCountedNotListed() {
    var base = image().layer("COPY a /a", "a", "/a", 10).layer("RUN /bin/sh -c gen", "g1", "/g", 7);
    var head = image().layer("COPY a /a", "a", "/a", 10).layer("RUN /bin/sh -c gen", "g2", "/g", 7);
    ImageDiff diff = ImageDiff.compare(Side.of(base.build()), Side.of(head.build()), 10);
    CompareReport r =
        new CompareReport(
            new Compared("base", "a", Optional.empty()),
            new Compared("head", "b", Optional.empty()),
            Optional.of(diff),
            List.of());

    assertThat(CompareMarkdown.render(r, 10))
        .contains(
            "### Changed steps\n\nNo step changed its instruction or size.\n\n"
                + "1 step rebuilt with the same instruction and size (new layer digest, e.g. file"
                + " times): 1.\n\n1 step unchanged");
  }
}
