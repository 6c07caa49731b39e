package dev.sizebot.github;

import java.io.IOException;
import java.util.Locale;
import java.util.Optional;
import org.kohsuke.github.GHCheckRun;
import org.kohsuke.github.GHCheckRunBuilder;
import org.kohsuke.github.GHCommitState;
import org.kohsuke.github.HttpException;

/**
 * Publishes a check run: POST /repos/{o}/{r}/check-runs with the first 50 annotations, then PATCH
 * /repos/{o}/{r}/check-runs/{id} for each further 50, as GitHub's REST docs require (github-api's
 * {@link GHCheckRunBuilder#create()} does exactly that split). When the token may not create checks
 * (403 "Resource not accessible by integration": e.g. a token without {@code checks: write}), falls
 * back to POST /repos/{o}/{r}/statuses/{sha} with the same context name.
 */
public final class CheckPublisher {
  private static final int STATUS_DESCRIPTION = 140;
  private final GitHubSession session;

  CheckPublisher(GitHubSession session) {
    this.session = session;
  }

  /** Publishes as given (no PR, e.g. on push). */
  public CheckResult publish(CheckRequest request) {
    return publish(request, false, "");
  }

  /**
   * Publishes for PR {@code number}: when its labels (read from the API, so a label added after the
   * event counts) include {@code overrideLabel}, a failure becomes neutral.
   */
  public CheckResult publish(CheckRequest request, int number, String overrideLabel) {
    boolean labelled =
        request.conclusion() == Conclusion.FAILURE
            && session.pullRequest(number).hasLabel(overrideLabel);
    return publish(request, labelled, overrideLabel);
  }

  private CheckResult publish(CheckRequest request, boolean overridden, String label) {
    Conclusion conclusion = overridden ? Conclusion.NEUTRAL : request.conclusion();
    String summary =
        overridden
            ? "**Overridden:** the `"
                + label
                + "` label turns this failure into a neutral result.\n\n"
                + request.summary()
            : request.summary();
    try {
      GHCheckRun run = checkRun(request, conclusion, summary).create();
      return new CheckResult(
          CheckResult.Kind.CHECK_RUN,
          conclusion,
          overridden,
          Optional.ofNullable(run.getHtmlUrl()).map(Object::toString));
    } catch (HttpException e) {
      if (e.getResponseCode() == 403
          && String.valueOf(e.getMessage()).contains("Resource not accessible by integration")) {
        return status(request, conclusion, overridden);
      }
      throw GitHubFailure.of(GitHubAction.CHECK_RUN, e, session.fork());
    } catch (IOException e) {
      throw GitHubFailure.of(GitHubAction.CHECK_RUN, e, session.fork());
    }
  }

  private GHCheckRunBuilder checkRun(CheckRequest request, Conclusion conclusion, String summary) {
    GHCheckRunBuilder.Output output =
        new GHCheckRunBuilder.Output(request.title(), capped(summary))
            .withText(capped(request.text()));
    for (Annotation a : request.annotations()) {
      output.add(
          new GHCheckRunBuilder.Annotation(
                  a.path(), a.startLine(), a.endLine(), level(a.level()), a.message())
              .withTitle(a.title()));
    }
    GHCheckRunBuilder builder =
        session
            .repository()
            .createCheckRun(request.name(), request.headSha())
            .withStatus(GHCheckRun.Status.COMPLETED)
            .withConclusion(GHCheckRun.Conclusion.valueOf(conclusion.name()))
            .add(output);
    request.detailsUrl().ifPresent(builder::withDetailsURL);
    return builder;
  }

  private CheckResult status(CheckRequest request, Conclusion conclusion, boolean overridden) {
    GHCommitState state =
        conclusion == Conclusion.FAILURE ? GHCommitState.FAILURE : GHCommitState.SUCCESS;
    String description = request.title();
    if (description.length() > STATUS_DESCRIPTION) {
      description = description.substring(0, STATUS_DESCRIPTION - 1) + "…";
    }
    String finalDescription = description;
    session.call(
        GitHubAction.COMMIT_STATUS,
        () ->
            session
                .repository()
                .createCommitStatus(
                    request.headSha(),
                    state,
                    request.detailsUrl().orElse(null),
                    finalDescription,
                    request.name()));
    return new CheckResult(
        CheckResult.Kind.COMMIT_STATUS, conclusion, overridden, request.detailsUrl());
  }

  private static GHCheckRun.AnnotationLevel level(Annotation.Level level) {
    return GHCheckRun.AnnotationLevel.valueOf(level.name().toUpperCase(Locale.ROOT));
  }

  private static String capped(String text) {
    String note = "\n\n… (cut at GitHub's 65,535-character limit; see the job summary)";
    return text.length() <= CheckRequest.MAX_TEXT
        ? text
        : text.substring(0, CheckRequest.MAX_TEXT - note.length()) + note;
  }
}
