package dev.sizebot.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Text from the PR or the image cannot break out of the comment, and the comment fits GitHub. */
class PrCommentHostileTest {
  private static final String LONG_TITLE =
      HostileSamples.EVIL.repeat(70_000 / HostileSamples.EVIL.length() + 1);

  private static String comment(ImageReport image, String title, CommentOptions options) {
    PrReport report = PrReport.of(Optional.of(HostileSamples.pr(title)), List.of(image));
    return PrCommentMarkdown.render(report, image, options);
  }

  @Test
  void hostileInputMatchesTheGoldenFile() {
    GoldenFile.assertMatches(
        "golden/pr-comment-hostile.md",
        comment(HostileSamples.hostile(), HostileSamples.EVIL, CommentOptions.DEFAULT));
  }

  @Test
  void hostileInputRendersToNoHtmlLinkImageOrMention() {
    String md = comment(HostileSamples.hostile(), HostileSamples.EVIL, CommentOptions.DEFAULT);
    String html = CommentHtml.render(md);
    assertThat(html).doesNotContain("<img", "<a ", "<b>", "<!-- -->", "\u202E");
    // GitHub makes no mentions or autolinks inside code; outside it, none may be left.
    String prose = html.replaceAll("(?s)<code>.*?</code>", "").replaceFirst("^<!--[^\n]*-->", "");
    assertThat(prose).doesNotContain("@acme", "@octocat", "http://evil", "www.evil");
    assertThat(prose).contains("@\u200dacme/security", "http:\u200b//evil.example");
    // Every row of every table kept its cells: no pipe from the input split one.
    for (String line : md.split("\n")) {
      if (line.startsWith("| change |")) {
        assertThat(line.split("(?<!\\\\)\\|", -1)).hasSize(8);
      }
    }
  }

  @Test
  void aSeventyThousandCharacterTitleAndTenThousandFilesStayUnderGitHubsLimit() {
    ImageReport image =
        HostileSamples.withHeadLabel(
            HostileSamples.withFiles(ReportSamples.growth(), HostileSamples.manyFiles(10_000)),
            LONG_TITLE);
    String md =
        comment(
            image,
            LONG_TITLE,
            CommentOptions.DEFAULT.withRunUrl("https://github.com/acme/shop/actions/runs/7"));
    assertThat(md.length()).isLessThanOrEqualTo(65_536);
    String plain = md.replace('\u00a0', ' ');
    assertThat(plain)
        .startsWith("<!-- sizebot:v1 image=api platform=linux/amd64 -->\n### 🐳 api — 🔴 +787 MB")
        .contains(
            "> ✂️ Shortened to fit GitHub's 65,536-character comment limit: the file list left out"
                + " here. The full report is in the [job summary](https://github.com/acme/shop/actions/runs/7)"
                + " and the `sizebot-report` artifact (JSON).")
        .contains("| size | 215 MB | 1.00 GB | +787 MB (+365.7 %) |")
        .contains("#### Changed steps", "10,000 added (+9.95 GB) (list left out)")
        .doesNotContain("part-00000");
  }

  @Test
  void aTighterLimitDropsStepsAndPatchesInTurnAndMatchesTheGoldenFile() {
    ImageReport image =
        HostileSamples.withFiles(ReportSamples.growth(), HostileSamples.manyFiles(200));
    String md = comment(image, "Add numpy", CommentOptions.DEFAULT.withMaxChars(3_340));
    assertThat(md.length()).isLessThanOrEqualTo(3_340);
    assertThat(md).contains("the file list, the changed steps and the fixes' patches left out");
    GoldenFile.assertMatches("golden/pr-comment-truncated.md", md);
  }
}
