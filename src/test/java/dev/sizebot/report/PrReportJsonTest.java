package dev.sizebot.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sizebot.common.ExitCode;
import dev.sizebot.common.SizebotException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PrReportJsonTest {
  private static PrReport report() {
    return PrReport.of(Optional.of(ReportSamples.pr()), List.of(ReportSamples.growth()));
  }

  @Test
  void aWrittenReportReadsBackAsTheSameValue() {
    PrReport report = report();
    String json = PrReportJson.write(report);
    assertThat(PrReportJson.read("report.json", json)).isEqualTo(report);
    assertThat(PrReportJson.write(PrReportJson.read("report.json", json))).isEqualTo(json);
  }

  @Test
  void theJsonMatchesTheGoldenFile() {
    GoldenFile.assertMatches("golden/pr-report-growth.json", PrReportJson.write(report()));
  }

  @Test
  void anotherSchemaVersionIsRefusedWithWhatToDo() {
    String json =
        PrReportJson.write(report()).replace("\"schemaVersion\" : 1", "\"schemaVersion\" : 2");
    assertThatThrownBy(() -> PrReportJson.read("out/report.json", json))
        .isInstanceOf(SizebotException.class)
        .hasMessage(
            "report out/report.json has schemaVersion 2 but this sizebot reads 1: publish it with"
                + " the sizebot version that wrote it; write it anew with 'sizebot pr"
                + " --publish=false'")
        .extracting(e -> ((SizebotException) e).exitCode())
        .isEqualTo(ExitCode.INVALID_INPUT);
  }

  @Test
  void malformedJsonIsRefusedAsInvalidInput() {
    assertThatThrownBy(() -> PrReportJson.read("r.json", "{\"schemaVersion\": 1,"))
        .isInstanceOf(SizebotException.class)
        .hasMessageStartingWith("report r.json is not JSON (");
    assertThatThrownBy(() -> PrReportJson.read("r.json", "[1]"))
        .hasMessage(
            "report r.json is not a sizebot report (no JSON object); write it anew with 'sizebot"
                + " pr --publish=false'");
    assertThatThrownBy(() -> PrReportJson.read("r.json", "{\"kind\":\"compare\"}"))
        .hasMessageStartingWith("report r.json has no schemaVersion");
  }

  @Test
  void aFieldOfTheWrongShapeNamesWhereItIs() {
    String json =
        PrReportJson.write(report()).replaceFirst("\"size\" : \\d+", "\"size\" : \"big\"");
    assertThatThrownBy(() -> PrReportJson.read("r.json", json))
        .isInstanceOf(SizebotException.class)
        .hasMessageStartingWith(
            "report r.json does not fit schemaVersion 1 at $.images[0].base.image.size");
  }

  @Test
  void aMissingFieldIsRefused() {
    String json = PrReportJson.write(report()).replaceFirst("\"pullMbitPerSecond\" : 100,", "");
    assertThatThrownBy(() -> PrReportJson.read("r.json", json))
        .isInstanceOf(SizebotException.class)
        .hasMessageContaining("pullMbitPerSecond");
  }

  @Test
  void mergingReportsKeepsEveryImageAndRefusesAnotherPullRequest() {
    PrReport a = PrReport.of(Optional.of(ReportSamples.pr()), List.of(ReportSamples.growth()));
    PrReport b = PrReport.of(Optional.empty(), List.of(ReportSamples.noChange()));
    assertThat(a.plus(b).images())
        .extracting(ImageReport::platform)
        .containsExactly("linux/amd64", "linux/arm64");
    assertThat(a.plus(b).worst()).isEqualTo(Verdict.Outcome.FAIL);
    PrReport other =
        PrReport.of(
            Optional.of(new PrContext("acme/shop", 43, "x", "5d6e7f8a9b0c", "1a2b3c4d5e6f")),
            List.of());
    assertThatThrownBy(() -> a.plus(other))
        .hasMessage("reports of different pull requests cannot be merged");
    assertThatThrownBy(() -> a.plus(a)).hasMessage("image api on linux/amd64 is reported twice");
  }
}
