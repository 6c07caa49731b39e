package dev.sizebot.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sizebot.analysis.Analysis;
import dev.sizebot.image.Image;
import dev.sizebot.testing.ExampleImages;
import org.junit.jupiter.api.Test;

class InspectRenderTest {
  private final Image image = ExampleImages.wasteful();
  private final Analysis analysis = Analysis.of(image);

  @Test
  void markdownMatchesTheGoldenFile() {
    GoldenFile.assertMatches(
        "golden/inspect-wasteful.md", InspectMarkdown.render(image, analysis, 5));
  }

  @Test
  void jsonMatchesTheGoldenFile() {
    GoldenFile.assertMatches(
        "golden/inspect-wasteful.json", InspectJson.render(image, analysis, 5));
  }

  @Test
  void markdownEscapesNamesAndInstructionsFromTheImage() {
    String md = InspectMarkdown.render(image, analysis, 10);

    // Inside code spans nothing renders: no link, no HTML, no mention, no table break.
    assertThat(md).contains("`` /opt/[two](http:/x)│`b` ``");
    assertThat(md).contains("``RUN rm -rf /data.bin /cache && echo '`@octocat` <b>hi</b>'``");
    assertThat(md).contains("`RUN make data │ tee log && rm /bin/busybox`");
    assertThat(md.lines().filter(l -> l.contains("<b>"))).allMatch(l -> l.contains("``RUN"));
  }

  @Test
  void listsStopAtTopAndSayHowManyMoreThereAre() throws Exception {
    String md = InspectMarkdown.render(image, analysis, 2);
    JsonNode json = new ObjectMapper().readTree(InspectJson.render(image, analysis, 2));

    assertThat(md).contains("…and 4 more paths (raise `--top` to list them).");
    assertThat(json.at("/reclaimable/paths")).hasSize(2);
    assertThat(json.at("/reclaimable/pathCount").asInt()).isEqualTo(6);
    assertThat(json.at("/reclaimable/bytes").asLong()).isEqualTo(2820);
  }
}
