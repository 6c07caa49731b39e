package dev.sizebot.pipeline;

import dev.sizebot.config.SizebotConfig;
import dev.sizebot.github.ActionsContext;
import dev.sizebot.github.CommentMode;
import dev.sizebot.report.CommentOptions;
import dev.sizebot.report.PrReport;
import java.util.ArrayList;
import java.util.List;

/** The configuration's publishing choices, as the publishers and the comment renderer take them. */
final class Settings {
  private Settings() {}

  static PublishSettings of(SizebotConfig config) {
    CommentMode mode =
        switch (config.comment().mode()) {
          case UPDATE -> CommentMode.UPDATE;
          case RECREATE -> CommentMode.RECREATE;
          case OFF -> CommentMode.OFF;
        };
    return new PublishSettings(
        mode,
        config.check(),
        config.suggestions(),
        config.comment().overrideLabel().orElse(PublishSettings.DEFAULT.overrideLabel()));
  }

  static CommentOptions comment(SizebotConfig config, ActionsContext context) {
    CommentOptions options =
        CommentOptions.DEFAULT.withOverride(
            of(config).overrideLabel(), CommentOptions.DEFAULT.overrideWho());
    return context.runUrl().map(options::withRunUrl).orElse(options);
  }

  /** The job's result once publishing ran (or stopped at a refusal). */
  static JobResult result(
      PrReport report,
      ReportPublisher.Published published,
      List<String> commands,
      boolean labelled,
      boolean fork) {
    List<String> notices = new ArrayList<>(published.done());
    boolean forkRefusal = fork && published.failure().isPresent();
    published
        .failure()
        .filter(f -> forkRefusal)
        .ifPresent(f -> notices.add("warning: " + f.getMessage()));
    return new JobResult(
        report,
        notices,
        commands,
        labelled || published.overridden(),
        published.failure(),
        forkRefusal);
  }
}
