package dev.sizebot.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PrCommentMarkdownTest {
  private static String comment(ImageReport image) {
    PrReport report = PrReport.of(Optional.of(ReportSamples.pr()), List.of(image));
    return PrCommentMarkdown.render(report, image, CommentOptions.DEFAULT);
  }

  @Test
  void growthPastTheBudgetMatchesTheGoldenFile() {
    GoldenFile.assertMatches("golden/pr-comment-growth.md", comment(ReportSamples.growth()));
  }

  @Test
  void aShrinkMatchesTheGoldenFile() {
    GoldenFile.assertMatches("golden/pr-comment-shrink.md", comment(ReportSamples.shrink()));
  }

  @Test
  void aChangeUnderTheNoiseFloorMatchesTheGoldenFile() {
    GoldenFile.assertMatches("golden/pr-comment-no-change.md", comment(ReportSamples.noChange()));
  }

  @Test
  void aFailedBuildMatchesTheGoldenFile() {
    GoldenFile.assertMatches(
        "golden/pr-comment-build-failed.md", comment(ReportSamples.buildFailed()));
  }

  @Test
  void aStartupRegressionMatchesTheGoldenFile() {
    GoldenFile.assertMatches(
        "golden/pr-comment-startup-regression.md", comment(ReportSamples.startupRegression()));
  }

  @Test
  void manyImagesInOneCommentMatchTheGoldenFile() {
    PrReport report =
        PrReport.of(
            Optional.of(ReportSamples.pr()),
            List.of(
                ReportSamples.growth(),
                ReportSamples.noChange(),
                ReportSamples.startupRegression()));
    GoldenFile.assertMatches(
        "golden/pr-comment-many-images.md",
        PrCommentMarkdown.combined(report, CommentOptions.DEFAULT));
  }

  @Test
  void theFirstLineIsTheMarkerOfTheImageAndPlatform() {
    assertThat(comment(ReportSamples.growth()))
        .startsWith("<!-- sizebot:v1 image=api platform=linux/amd64 -->\n### 🐳 api — 🔴 ");
    assertThat(PrCommentMarkdown.marker("a --> <b>", "linux/arm64/v8"))
        .isEqualTo("<!-- sizebot:v1 image=a_-___b_ platform=linux/arm64/v8 -->");
  }
}
