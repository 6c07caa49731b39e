package dev.sizebot.pipeline;

import dev.sizebot.common.SizebotException;
import dev.sizebot.github.CheckResult;
import dev.sizebot.github.CommentBody;
import dev.sizebot.github.CommentResult;
import dev.sizebot.github.GitHubSession;
import dev.sizebot.github.Suggestion;
import dev.sizebot.github.SuggestionResult;
import dev.sizebot.report.CommentOptions;
import dev.sizebot.report.ImageReport;
import dev.sizebot.report.PrCommentMarkdown;
import dev.sizebot.report.PrReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Publishes one report to a pull request: per image and platform its sticky comment, its check run
 * (or commit status) and the review suggestions on lines the PR changed. Stops at the first
 * refusal, since the next call would be refused alike; the step's files were written before.
 */
final class ReportPublisher {
  private final GitHubSession session;
  private final PublishSettings settings;
  private final CommentOptions options;

  ReportPublisher(GitHubSession session, PublishSettings settings, CommentOptions options) {
    this.session = session;
    this.settings = settings;
    this.options = options;
  }

  /**
   * Publishes {@code report} to PR {@code number} at {@code headSha}; {@code dockerfiles} maps an
   * image name to its Dockerfile's path in the repository (for annotations and suggestions).
   */
  Published publish(PrReport report, int number, String headSha, Map<String, String> dockerfiles) {
    return publish(report, number, headSha, dockerfiles, false);
  }

  /**
   * As {@link #publish(PrReport, int, String, Map)}; {@code combined} posts one comment for all
   * images ({@code sizebot merge}) instead of one per image and platform.
   */
  Published publish(
      PrReport report,
      int number,
      String headSha,
      Map<String, String> dockerfiles,
      boolean combined) {
    List<String> done = new ArrayList<>();
    boolean overridden = false;
    try {
      if (combined) {
        CommentResult c =
            session
                .stickyComment(number)
                .publish(
                    new CommentBody(
                        PrCommentMarkdown.COMBINED_MARKER,
                        PrCommentMarkdown.combined(report, options)),
                    settings.comment());
        done.add("combined comment " + lower(c.outcome()));
      }
      for (ImageReport image : report.images()) {
        String comment = PrCommentMarkdown.render(report, image, options);
        Optional<String> dockerfile = Optional.ofNullable(dockerfiles.get(image.name()));
        if (!combined) {
          CommentResult c =
              session
                  .stickyComment(number)
                  .publish(
                      new CommentBody(
                          PrCommentMarkdown.marker(image.name(), image.platform()), comment),
                      settings.comment());
          done.add(image.name() + ": comment " + lower(c.outcome()));
        }
        if (settings.check()) {
          CheckResult r =
              session
                  .checks()
                  .publish(
                      CheckMapping.check(image, headSha, comment, dockerfile, options.runUrl()),
                      number,
                      settings.overrideLabel());
          overridden |= r.overridden();
          done.add(image.name() + ": " + checkLine(r));
        }
        if (settings.suggestions() && dockerfile.isPresent()) {
          List<Suggestion> fixes = CheckMapping.suggestions(image, dockerfile.get());
          if (!fixes.isEmpty()) {
            SuggestionResult s =
                session
                    .reviewSuggestions(number)
                    .publish(headSha, "sizebot: suggested fixes for " + image.name(), fixes);
            done.add(image.name() + ": " + s.posted() + " suggestion(s) posted");
          }
        }
      }
      return new Published(done, overridden, Optional.empty());
    } catch (SizebotException e) {
      return new Published(done, overridden, Optional.of(e));
    }
  }

  private static String lower(Enum<?> e) {
    return e.name().toLowerCase(java.util.Locale.ROOT);
  }

  private static String checkLine(CheckResult r) {
    String kind = r.kind() == CheckResult.Kind.CHECK_RUN ? "check run" : "commit status";
    return kind
        + " "
        + r.conclusion().name().toLowerCase(java.util.Locale.ROOT)
        + (r.overridden() ? " (overridden by label)" : "");
  }

  /**
   * What was published, whether an override label turned a failure neutral, and the refusal that
   * stopped publishing, if any.
   */
  record Published(List<String> done, boolean overridden, Optional<SizebotException> failure) {
    Published {
      done = List.copyOf(done);
    }
  }
}
