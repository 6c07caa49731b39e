package dev.sizebot.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sizebot.diff.Percent;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The comment's numbers are {@code compare --format json}'s: one compare report feeds both. */
class CommentMatchesCompareJsonTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void everySummaryRowOfTheCommentIsTheCompareJsonsNumbers() throws Exception {
    CompareReport compare =
        ReportSamples.compare(
            ReportSamples.diff(ReportSamples.base(), ReportSamples.head(), 18_300_000, 166_700_000),
            ReportSamples.startups());
    JsonNode c = JSON.readTree(CompareJson.render(compare));
    ImageReport image =
        ImageReport.of(
            "api", "linux/amd64", compare, List.of(), Optional.empty(), ReportSamples.API_BUDGET);
    PrReport report = PrReport.of(Optional.empty(), List.of(image));
    // Table cells keep numbers with their units by non-breaking spaces; the figures are the same.
    String md =
        PrCommentMarkdown.render(report, image, CommentOptions.DEFAULT).replace('\u00a0', ' ');

    long bs = c.at("/base/image/size").asLong();
    long hs = c.at("/head/image/size").asLong();
    assertThat(c.at("/delta/bytes").asLong()).isEqualTo(hs - bs).isEqualTo(787_450_086L);
    assertThat(md)
        .contains(
            "| size | "
                + Numbers.bytes(bs)
                + " | "
                + Numbers.bytes(hs)
                + " | "
                + Numbers.deltaWithPercent(hs - bs, Percent.of(bs, hs))
                + " |");
    long bc = c.at("/base/image/compressedSize").asLong();
    long hc = c.at("/head/image/compressedSize").asLong();
    assertThat(c.at("/delta/compressedBytes").asLong()).isEqualTo(hc - bc);
    assertThat(md)
        .contains(
            "| compressed (estimated) | "
                + Numbers.bytes(bc)
                + " | "
                + Numbers.bytes(hc)
                + " | "
                + Numbers.deltaWithPercent(hc - bc, Percent.of(bc, hc))
                + " |")
        .contains("compressed " + Numbers.delta(hc - bc));
    assertThat(md)
        .contains(
            "| layers | "
                + c.at("/base/image/layers").asInt()
                + " | "
                + c.at("/head/image/layers").asInt()
                + " | +1 |");
    assertThat(md)
        .contains(
            "| wasted (reclaimable) | "
                + Numbers.bytes(c.at("/base/image/wastedBytes").asLong())
                + " | "
                + Numbers.bytes(c.at("/head/image/wastedBytes").asLong())
                + " | "
                + Numbers.delta(c.at("/delta/wastedBytes").asLong())
                + " |");
    assertThat(md)
        .contains(
            "| startup (median of 5) | "
                + seconds(c.at("/startup/base/timeToReadyMs"))
                + " | "
                + seconds(c.at("/startup/head/timeToReadyMs"))
                + " | ");
    assertThat(md)
        .contains(
            "| 4 (new) | `RUN apt-get update && apt-get install -y build-essential libpq-dev` | 4 | — | "
                + Numbers.bytes(c.at("/steps/4/head/size").asLong()));
  }

  @Test
  void theJsonReportCarriesTheSameNumbersAsTheCompareJson() throws Exception {
    CompareReport compare =
        ReportSamples.compare(
            ReportSamples.diff(ReportSamples.base(), ReportSamples.head(), 18_300_000, 166_700_000),
            ReportSamples.startups());
    JsonNode c = JSON.readTree(CompareJson.render(compare));
    ImageReport image =
        ImageReport.of("api", "linux/amd64", compare, List.of(), Optional.empty(), Budget.NONE);
    JsonNode r =
        JSON.readTree(PrReportJson.write(PrReport.of(Optional.empty(), List.of(image))))
            .at("/images/0");
    for (String side : List.of("base", "head")) {
      for (String field :
          List.of("id", "size", "compressedSize", "layers", "steps", "files", "wastedBytes")) {
        assertThat(r.at("/" + side + "/image/" + field))
            .as(side + " " + field)
            .isEqualTo(c.at("/" + side + "/image/" + field));
      }
      assertThat(r.at("/" + side + "/startup/timeToReadyMs/median"))
          .isEqualTo(c.at("/startup/" + side + "/timeToReadyMs/median"));
    }
    assertThat(r.at("/steps").size()).isEqualTo(c.at("/steps").size());
    assertThat(r.at("/files/total")).isEqualTo(c.at("/files/total"));
    assertThat(r.at("/files/largest/0/path")).isEqualTo(c.at("/files/largest/0/path"));
  }

  private static String seconds(JsonNode spread) {
    return String.format(
        java.util.Locale.ROOT,
        "%.2f s (%.2f s–%.2f s)",
        spread.get("median").asLong() / 1000.0,
        spread.get("min").asLong() / 1000.0,
        spread.get("max").asLong() / 1000.0);
  }
}
