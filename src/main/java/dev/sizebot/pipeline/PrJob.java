package dev.sizebot.pipeline;

import dev.sizebot.common.SizebotException;
import dev.sizebot.config.ImageConfig;
import dev.sizebot.config.SizebotConfig;
import dev.sizebot.github.ActionsContext;
import dev.sizebot.github.Event;
import dev.sizebot.github.GitHubSession;
import dev.sizebot.github.StepFiles;
import dev.sizebot.report.CommentOptions;
import dev.sizebot.report.CompareReport;
import dev.sizebot.report.Compared;
import dev.sizebot.report.ImageReport;
import dev.sizebot.report.PrContext;
import dev.sizebot.report.PrReport;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code sizebot pr}, the Action's job: every configured image at the PR's merge-base against its
 * head, judged by its budget, written as the JSON report, job summary and outputs, then (unless
 * {@code publish} is off, as in a fork's {@code pull_request} run) published to the PR.
 */
public final class PrJob {
  private final Measurer measurer;
  private final Function<ActionsContext, GitHubSession> sessions;
  private final StepFiles files;

  public PrJob(
      Measurer measurer, Function<ActionsContext, GitHubSession> sessions, StepFiles files) {
    this.measurer = measurer;
    this.sessions = sessions;
    this.files = files;
  }

  public JobResult run(
      ActionsContext context, SizebotConfig config, boolean publish, Path reportPath) {
    Event.PullRequest pr =
        context
            .pullRequest()
            .orElseThrow(
                () ->
                    SizebotException.invalidInput(
                        "sizebot pr needs a pull_request event, not '"
                            + context.eventName()
                            + "': run it on pull_request (use mode publish for workflow_run,"
                            + " mode audit for schedule)"));
    PrReport report = measure(context, config, pr);
    PublishSettings settings = Settings.of(config);
    CommentOptions options = Settings.comment(config, context);
    new StepReport(files).write(report, reportPath, context, options);
    Map<String, String> dockerfiles = dockerfiles(config);
    List<String> commands = Annotations.commands(report, dockerfiles);
    boolean labelled =
        pr.labels().stream().anyMatch(l -> l.equalsIgnoreCase(settings.overrideLabel()));
    if (!publish) {
      return new JobResult(
          report,
          List.of("report written to " + reportPath + " (publishing is off)"),
          commands,
          labelled,
          Optional.empty(),
          false);
    }
    GitHubSession session = sessions.apply(context);
    ReportPublisher.Published published =
        new ReportPublisher(session, settings, options)
            .publish(report, pr.number(), pr.headSha(), dockerfiles);
    return Settings.result(report, published, commands, labelled, session.fork());
  }

  private PrReport measure(ActionsContext context, SizebotConfig config, Event.PullRequest pr) {
    List<ImageReport> images = new ArrayList<>();
    String mergeBase = pr.baseSha();
    for (ImageConfig image : config.images()) {
      Measurer.Measurement m = measurer.measure(image, pr.baseSha(), pr.headSha());
      mergeBase = m.compare().base().commit().orElse(mergeBase);
      images.add(report(image, m, named(m.compare(), image, pr)));
    }
    PrContext pull =
        new PrContext(
            context.repository().toString(), pr.number(), pr.title(), pr.headSha(), mergeBase);
    return PrReport.of(Optional.of(pull), images);
  }

  /** One image's report from its measurement, with {@code compare} as the report shows it. */
  static ImageReport report(ImageConfig image, Measurer.Measurement m, CompareReport compare) {
    return ImageReport.of(
        image.name(),
        m.platform(),
        compare,
        m.findings(),
        m.dockerfile(),
        Budgets.of(image.budget()));
  }

  /**
   * The sides by the PR's branch names, as a reader knows them ({@code main} → {@code feature}),
   * not by the commit IDs they were built from, which the report keeps beside them.
   */
  private static CompareReport named(CompareReport c, ImageConfig image, Event.PullRequest pr) {
    if (image.prebuilt().isPresent()) {
      return c;
    }
    String from = "built from " + Path.of(image.dockerfile()).normalize();
    return new CompareReport(
        new Compared(pr.baseRef(), from + " (merge-base)", c.base().commit()),
        new Compared(pr.headRef(), from, c.head().commit()),
        c.diff(),
        c.failures(),
        c.startup());
  }

  /** Image name → the Dockerfile's path in the repository (context-relative paths joined). */
  static Map<String, String> dockerfiles(SizebotConfig config) {
    Map<String, String> paths = new LinkedHashMap<>();
    for (ImageConfig image : config.images()) {
      if (image.prebuilt().isEmpty()) {
        paths.put(image.name(), Path.of(image.dockerfile()).normalize().toString());
      }
    }
    return paths;
  }
}
