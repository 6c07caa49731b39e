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
import java.util.Map;
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

  /** The reports of one PR's matrix jobs as one, not yet published. */
  public static PrReport merge(List<Path> files) {
    if (files.isEmpty()) {
      throw SizebotException.invalidInput("merge needs at least one report.json");
    }
    PrReport merged = PublishJob.read(files.get(0));
    for (Path file : files.subList(1, files.size())) {
      try {
        merged = merged.plus(PublishJob.read(file));
      } catch (IllegalArgumentException e) {
        throw SizebotException.invalidInput(file + " cannot be merged: " + e.getMessage(), e);
      }
    }
    return merged;
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
    Map<String, String> dockerfiles = PrJob.dockerfiles(config);
    List<String> commands = Annotations.commands(merged, dockerfiles);
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
    PublishSettings settings = Settings.of(config);
    ReportPublisher.Published published =
        new ReportPublisher(session, settings, options)
            .publish(merged, Math.toIntExact(pr.number()), pr.headSha(), dockerfiles, true);
    // Only asked when GitHub answers at all: after a refusal the next call would be refused too.
    boolean labelled =
        published.failure().isEmpty()
            && session.pullRequest(Math.toIntExact(pr.number())).hasLabel(settings.overrideLabel());
    return Settings.result(merged, published, commands, labelled, session.fork());
  }
}
