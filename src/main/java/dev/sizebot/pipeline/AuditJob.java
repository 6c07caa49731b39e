package dev.sizebot.pipeline;

import dev.sizebot.common.SizebotException;
import dev.sizebot.config.ImageConfig;
import dev.sizebot.config.SizebotConfig;
import dev.sizebot.github.ActionsContext;
import dev.sizebot.github.AuditIssue;
import dev.sizebot.github.Event;
import dev.sizebot.github.GitHubSession;
import dev.sizebot.github.StepFiles;
import dev.sizebot.report.AuditHistory;
import dev.sizebot.report.AuditMarkdown;
import dev.sizebot.report.ImageReport;
import dev.sizebot.report.PrReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code sizebot audit}, scheduled on the default branch: every configured image as built there,
 * its waste and the fixes that save most, against the history of earlier audits, kept in one sticky
 * issue labelled {@value #LABEL}. The audit reports; it fails only when publishing does.
 */
public final class AuditJob {
  public static final String LABEL = "sizebot-audit";

  private final Measurer measurer;
  private final Function<ActionsContext, GitHubSession> sessions;
  private final StepFiles files;

  public AuditJob(
      Measurer measurer, Function<ActionsContext, GitHubSession> sessions, StepFiles files) {
    this.measurer = measurer;
    this.sessions = sessions;
    this.files = files;
  }

  /**
   * @param history the history file: read when it exists (a missing one starts a new history), then
   *     written with today's points
   * @param date today, {@code yyyy-MM-dd} (UTC)
   */
  public JobResult run(
      ActionsContext context,
      SizebotConfig config,
      String branch,
      Path history,
      Path reportPath,
      boolean publish,
      String date) {
    String commit = commit(context);
    List<ImageReport> images = new ArrayList<>();
    for (ImageConfig image : config.images()) {
      Measurer.Measurement m = measurer.measure(image, commit, commit);
      images.add(PrJob.report(image, m, m.compare()));
    }
    PrReport report = PrReport.of(Optional.empty(), images);
    AuditHistory updated = read(history).plus(AuditMarkdown.points(images, commit, date));
    String body = AuditMarkdown.render(updated, images, branch, commit, date);
    StepReport.writeJson(report, reportPath);
    StepReport.writeAtomically(history, updated.toJson(), "the audit history", "--history");
    context.stepSummary().ifPresent(summary -> files.appendSummary(summary, body));
    List<String> notices = new ArrayList<>();
    notices.add("audit history (" + updated.points().size() + " points) written to " + history);
    if (!publish) {
      return new JobResult(report, notices, List.of(), false, Optional.empty(), false, false);
    }
    try {
      AuditIssue.Result issue =
          AuditIssue.of(sessions.apply(context))
              .publish(
                  "sizebot audit: image sizes of " + branch, body, AuditMarkdown.MARKER, LABEL);
      notices.add("audit issue #" + issue.number() + " " + issue.outcome().name().toLowerCase());
      return new JobResult(report, notices, List.of(), false, Optional.empty(), false, false);
    } catch (SizebotException e) {
      return new JobResult(report, notices, List.of(), false, Optional.of(e), false, false);
    }
  }

  private static String commit(ActionsContext context) {
    Event event = context.event();
    if (event instanceof Event.Schedule s) {
      return s.sha();
    }
    if (event instanceof Event.Dispatch d) {
      return d.sha();
    }
    if (event instanceof Event.Push p) {
      return p.after();
    }
    throw SizebotException.invalidInput(
        "sizebot audit runs on schedule, workflow_dispatch or push, not '"
            + context.eventName()
            + "': for pull requests use sizebot pr");
  }

  static AuditHistory read(Path file) {
    if (!Files.exists(file)) {
      return AuditHistory.EMPTY;
    }
    try {
      return AuditHistory.read(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw SizebotException.invalidInput(
          "cannot read the audit history " + file + " (" + e.getMessage() + ")", e);
    }
  }
}
