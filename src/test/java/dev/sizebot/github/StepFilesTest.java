package dev.sizebot.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StepFilesTest {
  @TempDir Path dir;

  private static StepFiles delimiters(String... names) {
    Iterator<String> it = List.of(names).iterator();
    return StepFiles.withDelimiters(it::next);
  }

  @Test
  void outputsAreAppendedAsHeredocsWithTheirOwnDelimiters() throws Exception {
    Path file = dir.resolve("set_output");
    Files.writeString(file, "earlier=1\n");

    delimiters("ghadelimiter_1", "ghadelimiter_2", "ghadelimiter_3", "ghadelimiter_4")
        .writeOutputs(
            file,
            new Outputs(
                "fail", 844_103_680, "sizebot-report.json", "<!-- m -->\n### api\n\nEOF\nrest"));

    assertThat(Files.readString(file))
        .isEqualTo(
            "earlier=1\n"
                + "verdict<<ghadelimiter_1\nfail\nghadelimiter_1\n"
                + "size-delta<<ghadelimiter_2\n844103680\nghadelimiter_2\n"
                + "report-path<<ghadelimiter_3\nsizebot-report.json\nghadelimiter_3\n"
                + "comment-body<<ghadelimiter_4\n<!-- m -->\n### api\n\nEOF\nrest\nghadelimiter_4\n");
  }

  @Test
  void aValueThatContainsTheDelimiterIsRefused() {
    Path file = dir.resolve("set_output");

    assertThatThrownBy(
            () ->
                delimiters("ghadelimiter_x")
                    .writeOutputs(file, Map.of("comment-body", "a\nghadelimiter_x\nb")))
        .isInstanceOf(IllegalStateException.class);
    assertThat(file).doesNotExist();
  }

  @Test
  void randomDelimitersDifferPerValue() throws Exception {
    Path file = dir.resolve("set_output");

    StepFiles.random().writeOutputs(file, new Outputs("pass", -12, "r.json", "body"));

    List<String> lines = Files.readAllLines(file);
    assertThat(lines).hasSize(12);
    assertThat(lines.get(0)).matches("verdict<<ghadelimiter_[0-9a-f-]{36}");
    assertThat(lines.get(2)).isEqualTo(lines.get(0).substring("verdict<<".length()));
    assertThat(lines.get(3)).isNotEqualTo(lines.get(0).replace("verdict", "size-delta"));
    assertThat(lines.get(4)).isEqualTo("-12");
  }

  @Test
  void theSummaryIsAppendedWithATrailingNewline() throws Exception {
    Path file = dir.resolve("step_summary");
    StepFiles files = StepFiles.random();

    files.appendSummary(file, "### 🐳 api — 🔴 +805 MB");
    files.appendSummary(file, "### 🐳 worker — no change\n");

    assertThat(Files.readString(file))
        .isEqualTo("### 🐳 api — 🔴 +805 MB\n### 🐳 worker — no change\n");
  }
}
