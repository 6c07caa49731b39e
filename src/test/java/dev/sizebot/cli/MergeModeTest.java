package dev.sizebot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The action's merge mode: a docker action passes only the mode, so the reports come from the
 * {@code reports} input, a glob in the workspace.
 */
class MergeModeTest {
  @TempDir Path workspace;

  private void write(String path) throws IOException {
    Path file = workspace.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, "{}");
  }

  @Test
  void theGlobFindsEachMatrixArtifactsReportInPathOrder() throws IOException {
    write("reports/sizebot-report-worker/sizebot-report.json");
    write("reports/sizebot-report-api/sizebot-report.json");
    write("reports/sizebot-report-api/other.json");
    write("sizebot-report.json");

    assertThat(ReportGlob.expand(ReportGlob.DEFAULT, workspace))
        .containsExactly(
            workspace.resolve("reports/sizebot-report-api/sizebot-report.json"),
            workspace.resolve("reports/sizebot-report-worker/sizebot-report.json"));
    assertThat(ReportGlob.expand("reports/*/other.json", workspace))
        .containsExactly(workspace.resolve("reports/sizebot-report-api/other.json"));
  }

  /** {@code sizebot merge} with no files in {@code env}: its exit code and what it printed. */
  private static String mergeWithoutFiles(Map<String, String> env) {
    StringWriter err = new StringWriter();
    int code =
        Main.run(
            new String[] {"merge"}, new PrintWriter(new StringWriter()), new PrintWriter(err), env);
    return code + " " + err;
  }

  @Test
  void aGlobThatMatchesNothingIsOneLineWithExit2() {
    String result =
        mergeWithoutFiles(
            Map.of(
                "GITHUB_ACTIONS", "true",
                "GITHUB_WORKSPACE", workspace.toString(),
                "INPUT_REPORTS", "reports/*/sizebot-report.json"));

    assertThat(result)
        .isEqualTo(
            "2 sizebot: error: no report matches 'reports/*/sizebot-report.json' in "
                + workspace.toAbsolutePath().normalize()
                + ": download the matrix jobs' report artifacts there first, or set the reports"
                + " input\n");
  }

  @Test
  void mergeOutsideActionsWithoutFilesSaysWhatToPass() {
    assertThat(mergeWithoutFiles(Map.of()))
        .isEqualTo(
            "2 sizebot: error: merge needs the report.json files to merge: sizebot merge reports/*.json\n");
  }
}
