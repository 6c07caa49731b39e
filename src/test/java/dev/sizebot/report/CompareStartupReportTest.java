package dev.sizebot.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sizebot.common.ByteSize;
import dev.sizebot.startup.ProbeSpec;
import dev.sizebot.startup.RunSample;
import dev.sizebot.startup.StartupFailure;
import dev.sizebot.startup.StartupResult;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** Startup in the compare report: spreads, peak memory, and a side whose run failed. */
class CompareStartupReportTest {
  private static final ProbeSpec PROBE = ProbeSpec.parse("http://:8000/health");
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  private static RunSample sample(int run, long ms, long memory, long peak) {
    return new RunSample(
        run,
        Duration.ofMillis(ms),
        Optional.of(ByteSize.of(memory)),
        Optional.of(ByteSize.of(peak)));
  }

  private static StartupResult base() {
    return new StartupResult(
        "sizebot:1a2b3c4d5e6f-base",
        PROBE,
        5,
        TIMEOUT,
        List.of(
            sample(1, 1_384, 593_920, 4_247_552),
            sample(2, 744, 552_960, 3_973_120),
            sample(3, 800, 602_112, 4_317_184),
            sample(4, 1_000, 552_960, 4_300_000),
            sample(5, 793, 598_016, 4_100_000)),
        Optional.empty());
  }

  private static StartupResult head(boolean fails) {
    List<RunSample> samples =
        List.of(sample(1, 1_017, 1_458_752, 5_780_608), sample(2, 957, 1_524_288, 5_813_376));
    if (!fails) {
      samples =
          List.of(
              samples.get(0),
              samples.get(1),
              sample(3, 1_005, 1_606_208, 5_800_000),
              sample(4, 967, 1_606_208, 5_900_000),
              sample(5, 671, 1_679_936, 6_030_464));
    }
    Optional<StartupFailure> failure =
        fails
            ? Optional.of(
                new StartupFailure(
                    3,
                    StartupFailure.Reason.EXITED,
                    Duration.ofMillis(312),
                    OptionalInt.of(1),
                    List.of(
                        "httpd: bind: Address already in use",
                        "<script>alert(1)</script> @octocat",
                        "```"),
                    "exited with code 1 after 0.31 s before probe " + PROBE + " succeeded"))
            : Optional.empty();
    return new StartupResult("sizebot:1a2b3c4d5e6f-head", PROBE, 5, TIMEOUT, samples, failure);
  }

  private static CompareReport report(StartupResult head) {
    CompareReport r = CompareReportTest.report();
    return new CompareReport(
        r.base(), r.head(), r.diff(), List.of(), Optional.of(new StartupComparison(base(), head)));
  }

  @Test
  void markdownWithAFailedHeadMatchesTheGoldenFile() {
    GoldenFile.assertMatches(
        "dev/sizebot/report/compare-startup.md", CompareMarkdown.render(report(head(true)), 10));
  }

  @Test
  void jsonWithAFailedHeadMatchesTheGoldenFile() {
    GoldenFile.assertMatches(
        "dev/sizebot/report/compare-startup.json", CompareJson.render(report(head(true))));
  }

  @Test
  void bothSidesReadyShowMedianMinMaxAndPeakMemoryWithDeltas() {
    assertThat(CompareMarkdown.render(report(head(false)), 10))
        .contains(
            "| startup (median of 5, http://:8000/health) | 0.80 s (0.74 s–1.38 s)"
                + " | 0.97 s (0.67 s–1.02 s) | +0.17 s (+20.9 %) |\n"
                + "| memory after ready (median) | 594 kB | 1.61 MB | +1.01 MB |\n"
                + "| peak memory (median, incl. page cache) | 4.25 MB | 5.81 MB | +1.57 MB |\n");
  }

  @Test
  void aFailedSideShowsFailedNotTheFiguresOfFewerRuns() {
    String md = CompareMarkdown.render(report(head(true)), 10);

    assertThat(md)
        .contains("| 0.80 s (0.74 s–1.38 s) | failed (run 3) | — |")
        .contains("| memory after ready (median) | 594 kB | — | — |")
        .contains("**head startup failed** (run 3): exited with code 1 after 0\\.31 s")
        .contains("````text\nhttpd: bind: Address already in use\n");
  }

  @Test
  void jsonKeepsEveryRunWithItsPeakMemory() throws Exception {
    JsonNode json = new ObjectMapper().readTree(CompareJson.render(report(head(true))));

    assertThat(json.at("/startup/base/peakMemoryBytes/median").asLong()).isEqualTo(4_247_552);
    assertThat(json.at("/startup/base/peakMemoryBytes/max").asLong()).isEqualTo(4_317_184);
    assertThat(json.at("/startup/base/runs/1/peakMemoryBytes").asLong()).isEqualTo(3_973_120);
    assertThat(json.at("/startup/head/succeeded").asBoolean()).isFalse();
    assertThat(json.at("/startup/head/runs/1/peakMemoryBytes").asLong()).isEqualTo(5_813_376);
    assertThat(json.at("/startup/head/runs/2/exitCode").asInt()).isEqualTo(1);
    assertThat(json.at("/startup/head/runs/2/lastLogLines/2").asText()).isEqualTo("```");
  }
}
