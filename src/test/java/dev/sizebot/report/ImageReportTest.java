package dev.sizebot.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sizebot.common.UnixPath;
import dev.sizebot.rules.Finding;
import dev.sizebot.rules.ShippedBytes;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ImageReportTest {
  @Test
  void theFixesSavingsCountABytesThatTwoFindingsProveOnce() {
    List<Finding> findings = ReportSamples.findings();
    // A second finding on the same pip cache (e.g. also overwritten by a later step): the same
    // 121.5 MB piece, and 1 MB more of its own.
    Finding overlap =
        findings
            .get(1)
            .withEvidence(
                ShippedBytes.union(
                    List.of(
                        findings.get(1).proven(),
                        ShippedBytes.of(5, UnixPath.of("/root/.cache/pip/http/b2"), 1_000_000))),
                "the cache again");
    ImageReport image =
        ImageReport.of(
            "api",
            "linux/amd64",
            ReportSamples.compare(
                ReportSamples.diff(ReportSamples.base(), ReportSamples.head(), 0, 0),
                Optional.empty()),
            List.of(findings.get(0), findings.get(1), overlap),
            Optional.empty(),
            Budget.NONE);

    long rows = image.findings().stream().mapToLong(f -> f.savingsBytes().orElse(0L)).sum();
    assertThat(rows).isEqualTo(45_200_000 + 121_500_000 + 122_500_000);
    assertThat(image.savings()).isEqualTo(45_200_000 + 121_500_000 + 1_000_000);
    assertThat(
            PrCommentMarkdown.render(
                PrReport.of(Optional.empty(), List.of(image)), image, CommentOptions.DEFAULT))
        .contains("💡 Suggested fixes (3) — could save ~168 MB");
  }
}
