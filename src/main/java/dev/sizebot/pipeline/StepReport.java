package dev.sizebot.pipeline;

import dev.sizebot.common.SizebotException;
import dev.sizebot.github.ActionsContext;
import dev.sizebot.github.Outputs;
import dev.sizebot.github.StepFiles;
import dev.sizebot.report.CommentOptions;
import dev.sizebot.report.ImageReport;
import dev.sizebot.report.PrCommentMarkdown;
import dev.sizebot.report.PrReport;
import dev.sizebot.report.PrReportJson;
import dev.sizebot.report.SizeChange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * What a job leaves behind whatever GitHub says: the JSON report (the artifact), the job summary
 * and the step outputs. Written before any request, so a refused publish never loses the report.
 */
final class StepReport {
  /** GitHub's limit for one step's summary is 1 MiB; stay well under it in characters. */
  static final int SUMMARY_MAX_CHARS = 900_000;

  private final StepFiles files;

  StepReport(StepFiles files) {
    this.files = files;
  }

  /**
   * Writes the report to {@code path} (atomically) and, inside Actions, the summary and outputs.
   */
  void write(PrReport report, Path path, ActionsContext context, CommentOptions options) {
    writeJson(report, path);
    context
        .stepSummary()
        .ifPresent(
            summary ->
                files.appendSummary(
                    summary,
                    PrCommentMarkdown.combined(report, options.withMaxChars(SUMMARY_MAX_CHARS))));
    context
        .outputFile()
        .ifPresent(
            out ->
                files.writeOutputs(
                    out,
                    new Outputs(
                        report.worst().label(),
                        sizeDelta(report),
                        path.toString(),
                        PrCommentMarkdown.combined(report, options))));
  }

  /** The summed size change of every image that was compared. */
  static long sizeDelta(PrReport report) {
    return report.images().stream()
        .map(ImageReport::change)
        .flatMap(java.util.Optional::stream)
        .mapToLong(SizeChange::delta)
        .sum();
  }

  static void writeJson(PrReport report, Path path) {
    writeAtomically(path, PrReportJson.write(report), "the report", "--report");
  }

  /**
   * Writes {@code text} through a temporary file and a rename, so a reader (or a job killed
   * halfway) never sees half a file.
   */
  static void writeAtomically(Path path, String text, String what, String option) {
    try {
      Path dir = path.toAbsolutePath().getParent();
      Files.createDirectories(dir);
      Path temp = Files.createTempFile(dir, ".sizebot", ".json");
      Files.writeString(temp, text, StandardCharsets.UTF_8);
      Files.move(temp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw SizebotException.environment(
          "cannot write "
              + what
              + " to "
              + path
              + " ("
              + e.getMessage()
              + "): pass a writable "
              + option
              + " path",
          e);
    }
  }
}
