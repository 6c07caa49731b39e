package dev.sizebot.github;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static dev.sizebot.github.GitHubStub.api;
import static dev.sizebot.github.GitHubStub.fixture;
import static dev.sizebot.github.GitHubStub.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.sizebot.common.ExitCode;
import dev.sizebot.common.SizebotException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Retries, rate limits and refusals: what is retried, how long it waits, what the user reads. */
class GitHubFaultsTest {
  @RegisterExtension static WireMockExtension wm = GitHubStub.extension();

  static final String COMMENTS = "/repos/octo/app/issues/7/comments";
  static final String MARKER = "<!-- sizebot:v1 image=api platform=linux/amd64 -->";
  static final CommentBody BODY = new CommentBody(MARKER, "### 🐳 api — no change");
  static final String POSTED = "{\"body\": \"" + MARKER + "\\n### 🐳 api — no change\"}";

  private final GitHubStub.RecordingSleeper sleeper = new GitHubStub.RecordingSleeper();

  private void pullWithoutComments() {
    GitHubStub.repoAndPull(wm, "");
    wm.stubFor(
        get(urlEqualTo(COMMENTS + "?per_page=100"))
            .willReturn(json(200, fixture("comments-none.json", api(wm, "")))));
  }

  /** POST comment answers {@code first}, then 201. */
  private void postAnswers(ResponseDefinitionBuilder first) {
    wm.stubFor(
        post(urlEqualTo(COMMENTS))
            .inScenario("post")
            .whenScenarioStateIs(STARTED)
            .willReturn(first)
            .willSetStateTo("retried"));
    wm.stubFor(
        post(urlEqualTo(COMMENTS))
            .inScenario("post")
            .whenScenarioStateIs("retried")
            .willReturn(json(201, fixture("comment-created.json", api(wm, "")))));
  }

  private static ResponseDefinitionBuilder badGateway() {
    return aResponse()
        .withStatus(502)
        .withHeader("Content-Type", "text/html")
        .withBody(fixture("error-502.html", ""));
  }

  private CommentResult publish(boolean fork) {
    return GitHubStub.session(wm, "", fork, sleeper)
        .stickyComment(7)
        .publish(BODY, CommentMode.UPDATE);
  }

  @Test
  void a502OnThePostLooksForTheCommentAfterOneSecondThenPostsTheSameBodyAgain() {
    pullWithoutComments();
    postAnswers(badGateway());

    assertThat(publish(false).outcome()).isEqualTo(CommentResult.Outcome.CREATED);

    wm.verify(2, postRequestedFor(urlEqualTo(COMMENTS)).withRequestBody(equalToJson(POSTED)));
    wm.verify(2, getRequestedFor(urlEqualTo(COMMENTS + "?per_page=100")));
    assertThat(sleeper.waits).containsExactly(Duration.ofSeconds(1));
  }

  @Test
  void a502OnAPostThatGitHubCarriedOutAnywayLeavesOneComment() {
    GitHubStub.repoAndPull(wm, "");
    wm.stubFor(
        get(urlEqualTo(COMMENTS + "?per_page=100"))
            .inScenario("made")
            .whenScenarioStateIs(STARTED)
            .willReturn(json(200, fixture("comments-none.json", api(wm, "")))));
    // GitHub made the comment, then its front end answered 502.
    wm.stubFor(
        post(urlEqualTo(COMMENTS))
            .inScenario("made")
            .whenScenarioStateIs(STARTED)
            .willReturn(badGateway())
            .willSetStateTo("made"));
    wm.stubFor(
        get(urlEqualTo(COMMENTS + "?per_page=100"))
            .inScenario("made")
            .whenScenarioStateIs("made")
            .willReturn(json(200, fixture("comments-made.json", api(wm, "")))));

    CommentResult result = publish(false);

    assertThat(result.outcome()).isEqualTo(CommentResult.Outcome.CREATED);
    assertThat(result.url()).contains("https://github.com/octo/app/pull/7#issuecomment-3000");
    wm.verify(1, postRequestedFor(urlEqualTo(COMMENTS)));
    wm.verify(2, getRequestedFor(urlEqualTo(COMMENTS + "?per_page=100")));
    assertThat(sleeper.waits).containsExactly(Duration.ofSeconds(1));
  }

  @Test
  void a502OnEveryPostIsTriedFourTimesLookingBetweenThenReported() {
    pullWithoutComments();
    wm.stubFor(post(urlEqualTo(COMMENTS)).willReturn(badGateway()));

    SizebotException e = catchThrowableOfType(SizebotException.class, () -> publish(false));

    assertThat(e.getMessage())
        .isEqualTo(
            "GitHub failed to post the pull request comment (502) after retrying: re-run the job"
                + " later");
    wm.verify(4, postRequestedFor(urlEqualTo(COMMENTS)));
    wm.verify(4, getRequestedFor(urlEqualTo(COMMENTS + "?per_page=100")));
    assertThat(sleeper.waits)
        .containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4));
  }

  @Test
  void aSecondaryRateLimitWaitsExactlyItsRetryAfter() {
    pullWithoutComments();
    postAnswers(json(403, fixture("error-403-secondary.json", "")).withHeader("Retry-After", "7"));

    assertThat(publish(false).outcome()).isEqualTo(CommentResult.Outcome.CREATED);

    wm.verify(2, postRequestedFor(urlEqualTo(COMMENTS)).withRequestBody(equalToJson(POSTED)));
    assertThat(sleeper.waits).containsExactly(Duration.ofSeconds(7));
  }

  @Test
  void a502ThatLastsIsTriedFourTimesWithDoublingWaitsThenReported() {
    GitHubStub.repoAndPull(wm, "");
    wm.stubFor(get(urlEqualTo(COMMENTS + "?per_page=100")).willReturn(badGateway()));

    SizebotException e = catchThrowableOfType(SizebotException.class, () -> publish(false));

    assertThat(e.exitCode()).isEqualTo(ExitCode.PUBLISH);
    assertThat(e.getMessage())
        .isEqualTo(
            "GitHub failed to post the pull request comment (502) after retrying: re-run the job"
                + " later");
    wm.verify(4, getRequestedFor(urlEqualTo(COMMENTS + "?per_page=100")));
    assertThat(sleeper.waits)
        .containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4));
  }

  @Test
  void aRetryAfterPastTheTotalBoundIsNotWaitedFor() {
    pullWithoutComments();
    wm.stubFor(
        post(urlEqualTo(COMMENTS))
            .willReturn(
                json(403, fixture("error-403-secondary.json", ""))
                    .withHeader("Retry-After", "600")));

    SizebotException e = catchThrowableOfType(SizebotException.class, () -> publish(false));

    assertThat(e.exitCode()).isEqualTo(ExitCode.PUBLISH);
    assertThat(e.getMessage())
        .startsWith(
            "GitHub's rate limit stopped sizebot from trying to post the pull request comment"
                + " (403: You have exceeded a secondary rate limit.")
        .endsWith(") after retrying: re-run the job later");
    wm.verify(1, postRequestedFor(urlEqualTo(COMMENTS)));
    assertThat(sleeper.waits).isEmpty();
  }

  @Test
  void aMissingRepositoryIsOneClearError() {
    wm.stubFor(
        get(urlEqualTo("/repos/octo/app")).willReturn(json(404, fixture("error-404.json", ""))));

    SizebotException e = catchThrowableOfType(SizebotException.class, () -> publish(false));

    assertThat(e.exitCode()).isEqualTo(ExitCode.PUBLISH);
    assertThat(e.getMessage())
        .isEqualTo(
            "GitHub answered 404 Not Found while trying to read the repository: check"
                + " GITHUB_REPOSITORY, the pull request number and that the token can see the"
                + " repository");
    assertThat(sleeper.waits).isEmpty();
  }

  @Test
  void aRejectedCommentQuotesGitHubsReason() {
    pullWithoutComments();
    wm.stubFor(post(urlEqualTo(COMMENTS)).willReturn(json(422, fixture("error-422.json", ""))));

    SizebotException e = catchThrowableOfType(SizebotException.class, () -> publish(false));

    assertThat(e.exitCode()).isEqualTo(ExitCode.PUBLISH);
    assertThat(e.getMessage())
        .isEqualTo(
            "GitHub rejected the request to post the pull request comment (422: Validation"
                + " Failed; body is too long (maximum is 65536 characters))");
    wm.verify(1, postRequestedFor(urlEqualTo(COMMENTS)));
  }

  /**
   * A fork's pull_request run has a read-only token: the comment is refused with 403, and the error
   * (exit 4, documented in README) explains the two-phase workflow. The summary, written first as
   * the pipeline does, is still there.
   */
  @Test
  void aForksReadOnlyTokenGetsTheTwoPhaseAdviceAndTheSummaryStays(@TempDir Path dir)
      throws Exception {
    pullWithoutComments();
    wm.stubFor(
        post(urlEqualTo(COMMENTS))
            .willReturn(json(403, fixture("error-403-integration.json", ""))));
    Path summary = dir.resolve("step_summary.md");
    StepFiles.random().appendSummary(summary, "### 🐳 api — no change");

    SizebotException e = catchThrowableOfType(SizebotException.class, () -> publish(true));

    assertThat(e.exitCode()).isEqualTo(ExitCode.PUBLISH);
    assertThat(e.exitCode().code()).isEqualTo(4);
    assertThat(e.getMessage())
        .isEqualTo(
            "GitHub refused to let sizebot post the pull request comment (403: Resource not"
                + " accessible by integration): "
                + GitHubFailure.FORK_ADVICE);
    assertThat(WorkflowCommand.warning(e.getMessage()))
        .startsWith("::warning::GitHub refused")
        .contains("workflow_run");
    assertThat(Files.readString(summary)).isEqualTo("### 🐳 api — no change\n");
    assertThat(sleeper.waits).isEmpty();
  }

  @Test
  void noErrorMessageContainsTheToken() {
    for (String fixture :
        List.of("error-404.json", "error-422.json", "error-403-integration.json")) {
      wm.resetAll();
      pullWithoutComments();
      int status = Integer.parseInt(fixture.replaceAll("\\D", ""));
      wm.stubFor(post(urlEqualTo(COMMENTS)).willReturn(json(status, fixture(fixture, ""))));

      SizebotException e = catchThrowableOfType(SizebotException.class, () -> publish(true));

      assertThat(e.getMessage()).doesNotContain(GitHubStub.TOKEN.value());
      assertThat(String.valueOf(e.getCause())).doesNotContain(GitHubStub.TOKEN.value());
    }
  }
}
