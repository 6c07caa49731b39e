package dev.sizebot.pipeline;

import dev.sizebot.common.SizebotException;
import dev.sizebot.config.SizebotConfig;
import dev.sizebot.github.ActionsContext;
import dev.sizebot.github.GitHubSession;
import dev.sizebot.github.StepFiles;
import dev.sizebot.report.CommentOptions;
import dev.sizebot.report.PrContext;
import dev.sizebot.report.PrReport;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code sizebot merge a.json b.json …}: the reports of matrix jobs (one image or platform each) as
 * one report, one job summary and one combined comment; each image keeps its own check.
 */
public final class MergeJob {
  private final Function<ActionsContext, GitHubSession> sessions;
  private final StepFiles files;

  public MergeJob(Function<ActionsContext, GitHubSession> sessions, StepFiles files) {
    this.sessions = sessions;
    this.files = files;
  }

  /** The merged report, not published (outside Actions, or with publishing off). */
  public static PrReport merge(List<Path> reports) {
    return PublishJob.merge(reports);
  }

  public JobResult run(
      ActionsContext context,
      SizebotConfig config,
      List<Path> reports,
      boolean publish,
      Path output) {
    PrReport merged = merge(reports);
    CommentOptions options = Settings.comment(config, context);
    new StepReport(files).write(merged, output, context, options);
    List<String> commands = Annotations.commands(merged, PrJob.dockerfiles(config));
    if (!publish) {
      return new JobResult(
          merged,
          List.of("merged report written to " + output + " (publishing is off)"),
          commands,
          false,
          Optional.empty(),
          false);
    }
    PrContext pr =
        merged
            .pr()
            .orElseThrow(
                () ->
                    SizebotException.invalidInput(
                        "the merged reports name no pull request: write them with 'sizebot pr'"
                            + " on a pull_request event, or merge with --publish=false"));
    GitHubSession session = sessions.apply(context);
    ReportPublisher.Published published =
        new ReportPublisher(session, Settings.of(config), options)
            .publish(
                merged,
                Math.toIntExact(pr.number()),
                pr.headSha(),
                PrJob.dockerfiles(config),
                true);
    // Only asked when GitHub answers at all: after a refusal the next call would be refused too.
    boolean labelled =
        published.failure().isEmpty()
            && session
                .pullRequest(Math.toIntExact(pr.number()))
                .hasLabel(Settings.of(config).overrideLabel());
    return Settings.result(merged, published, commands, labelled, session.fork());
  }
}
