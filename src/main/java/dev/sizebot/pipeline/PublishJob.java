package dev.sizebot.pipeline;

import dev.sizebot.common.SizebotException;
import dev.sizebot.config.SizebotConfig;
import dev.sizebot.github.ActionsContext;
import dev.sizebot.github.Event;
import dev.sizebot.github.GitHubSession;
import dev.sizebot.github.PullRequestInfo;
import dev.sizebot.github.StepFiles;
import dev.sizebot.report.CommentOptions;
import dev.sizebot.report.PrContext;
import dev.sizebot.report.PrReport;
import dev.sizebot.report.PrReportJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;

/**
 * {@code sizebot publish report.json}, the trusted second phase of a fork-safe setup (run from
 * {@code workflow_run} with a write token): the report came from the PR's own run, so it is
 * untrusted. It is read strictly, re-rendered from its values (never from saved markdown), and
 * refused unless its repository, PR and head commit match what the API says now.
 */
public final class PublishJob {
  private final Function<ActionsContext, GitHubSession> sessions;
  private final StepFiles files;

  public PublishJob(Function<ActionsContext, GitHubSession> sessions, StepFiles files) {
    this.sessions = sessions;
    this.files = files;
  }

  public JobResult run(ActionsContext context, SizebotConfig config, Path reportFile) {
    PrReport report = read(reportFile);
    PrContext pr =
        report
            .pr()
            .orElseThrow(
                () ->
                    SizebotException.invalidInput(
                        reportFile
                            + " names no pull request: write it with 'sizebot pr"
                            + " --publish=false' in the pull_request run"));
    refuseForeign(context, pr, reportFile);
    GitHubSession session = sessions.apply(context);
    PullRequestInfo now = session.pullRequest(Math.toIntExact(pr.number()));
    if (!now.headSha().equals(pr.headSha())) {
      throw SizebotException.invalidInput(
          reportFile
              + " was made for head "
              + abbrev(pr.headSha())
              + " of PR #"
              + pr.number()
              + ", but the PR's head is now "
              + abbrev(now.headSha())
              + ": not publishing a stale or foreign report (the newer run publishes its own)");
    }
    PublishSettings settings = Settings.of(config);
    CommentOptions options = Settings.comment(config, context);
    Map<String, String> dockerfiles = PrJob.dockerfiles(config);
    new StepReport(files).write(report, reportFile, context, options);
    ReportPublisher.Published published =
        new ReportPublisher(session, settings, options)
            .publish(report, now.number(), now.headSha(), dockerfiles);
    return Settings.result(
        report,
        published,
        Annotations.commands(report, dockerfiles),
        now.hasLabel(settings.overrideLabel()),
        false);
  }

  private static void refuseForeign(ActionsContext context, PrContext pr, Path reportFile) {
    if (!pr.repository().equalsIgnoreCase(context.repository().toString())) {
      throw SizebotException.invalidInput(
          reportFile
              + " is a report of "
              + pr.repository()
              + ", not of "
              + context.repository()
              + ": publish only reports made for this repository");
    }
    if (context.event() instanceof Event.WorkflowRun run && !run.headSha().equals(pr.headSha())) {
      throw SizebotException.invalidInput(
          reportFile
              + " names head "
              + abbrev(pr.headSha())
              + ", but the workflow run that made it was for "
              + abbrev(run.headSha())
              + ": not publishing a report that did not come from that run");
    }
  }

  static PrReport read(Path file) {
    try {
      return PrReportJson.read(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw SizebotException.invalidInput(
          "cannot read the report "
              + file
              + " ("
              + e.getMessage()
              + "): pass the report.json"
              + " that 'sizebot pr --publish=false' wrote (download the artifact first)",
          e);
    }
  }

  private static String abbrev(String sha) {
    return sha.length() > 12 ? sha.substring(0, 12) : sha;
  }
}
