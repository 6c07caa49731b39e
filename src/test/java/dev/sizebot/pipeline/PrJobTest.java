package dev.sizebot.pipeline;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.sizebot.pipeline.FakeGitHub.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.sizebot.common.ExitCode;
import dev.sizebot.github.ActionsContext;
import dev.sizebot.github.StepFiles;
import dev.sizebot.report.CommentOptions;
import dev.sizebot.report.PrCommentMarkdown;
import dev.sizebot.report.PrReport;
import dev.sizebot.report.PrReportJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PrJobTest {
  @RegisterExtension static WireMockExtension wm = FakeGitHub.extension();

  static final String COMMENTS = "/repos/octo/app/issues/7/comments?per_page=100";
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  FakeGitHub github;

  @BeforeEach
  void repository() {
    github = new FakeGitHub(wm);
    github.repoAndPull();
  }

  private JobResult run(boolean publish) throws Exception {
    return run(publish, "event-pull_request.json");
  }

  private JobResult run(boolean publish, String event) throws Exception {
    Map<String, String> env = github.env(dir, "pull_request", event);
    AtomicInteger delimiter = new AtomicInteger();
    return new PrJob(
            Samples.measurer(),
            github.sessions(),
            StepFiles.withDelimiters(() -> "EOF_" + delimiter.incrementAndGet()))
        .run(
            ActionsContext.fromEnv(env),
            Samples.config(false),
            publish,
            dir.resolve("report.json"));
  }

  /** The report the job makes, measured once without publishing. */
  private PrReport report() throws Exception {
    return run(false).report();
  }

  private String comment(PrReport report, int image) {
    return PrCommentMarkdown.render(
        report,
        report.images().get(image),
        CommentOptions.DEFAULT.withRunUrl("https://github.com/octo/app/actions/runs/99"));
  }

  private void noComments() {
    wm.stubFor(get(urlEqualTo(COMMENTS)).willReturn(json(200, "[]")));
  }

  private void checkRunsAccepted() {
    wm.stubFor(
        post(urlPathEqualTo("/repos/octo/app/check-runs"))
            .willReturn(json(201, github.fixture("check-run.json"))));
  }

  @Test
  void theFirstRunPostsExactlyOneCommentPerImageAndPlatformAndOneCheckEach() throws Exception {
    PrReport report = report();
    noComments();
    wm.stubFor(
        post(urlPathEqualTo("/repos/octo/app/issues/7/comments"))
            .willReturn(json(201, github.fixture("comment-created.json"))));
    checkRunsAccepted();

    JobResult result = run(true);

    assertThat(result.exitCode()).isEqualTo(ExitCode.BUDGET_EXCEEDED);
    // The finding as a workflow command too: the runner pins it on the Dockerfile's line even
    // where no check run can be made.
    assertThat(result.commands())
        .containsExactly(
            "::warning file=docker/api.Dockerfile,line=3,endLine=3,title=SB101 · apt lists left"
                + " in the layer::apt-get update at line 3 leaves /var/lib/apt/lists in the image"
                + " (saves ~25.0 MB)");
    wm.verify(2, postRequestedFor(urlPathEqualTo("/repos/octo/app/issues/7/comments")));
    for (int i = 0; i < 2; i++) {
      String body = comment(report, i);
      wm.verify(
          1,
          postRequestedFor(urlPathEqualTo("/repos/octo/app/issues/7/comments"))
              .withRequestBody(equalToJson(JSON.writeValueAsString(Map.of("body", body)))));
    }
    assertThat(comment(report, 0))
        .startsWith("<!-- sizebot:v1 image=api platform=linux/amd64 -->\n");
    assertThat(comment(report, 1))
        .startsWith("<!-- sizebot:v1 image=worker platform=linux/amd64 -->\n");
    wm.verify(2, postRequestedFor(urlPathEqualTo("/repos/octo/app/check-runs")));
    wm.verify(
        1,
        postRequestedFor(urlPathEqualTo("/repos/octo/app/check-runs"))
            .withRequestBody(
                equalToJson(
                    "{\"name\":\"sizebot / api\",\"head_sha\":\""
                        + Samples.HEAD
                        + "\","
                        + "\"conclusion\":\"failure\"}",
                    true,
                    true)));
    wm.verify(
        1,
        postRequestedFor(urlPathEqualTo("/repos/octo/app/check-runs"))
            .withRequestBody(
                equalToJson(
                    "{\"name\":\"sizebot / worker\",\"conclusion\":\"success\","
                        + "\"output\":{\"title\":\"no change · pass\"}}",
                    true,
                    true)));
  }

  @Test
  void aSecondRunUpdatesTheMarkedCommentInPlace() throws Exception {
    PrReport report = report();
    ArrayNode existing = JSON.createArrayNode();
    for (int i = 0; i < 2; i++) {
      ObjectNode c = (ObjectNode) JSON.readTree(github.fixture("comment-created.json"));
      c.put("id", 3000 + i);
      c.put("url", github.api() + "/repos/octo/app/issues/comments/" + (3000 + i));
      String marker = i == 0 ? "api" : "worker";
      c.put(
          "body", "<!-- sizebot:v1 image=" + marker + " platform=linux/amd64 -->\nan older report");
      existing.add(c);
    }
    wm.stubFor(get(urlEqualTo(COMMENTS)).willReturn(json(200, existing.toString())));
    for (int i = 0; i < 2; i++) {
      wm.stubFor(
          patch(urlPathEqualTo("/repos/octo/app/issues/comments/" + (3000 + i)))
              .willReturn(json(200, github.fixture("comment-created.json"))));
    }
    checkRunsAccepted();

    run(true);

    wm.verify(0, postRequestedFor(urlPathEqualTo("/repos/octo/app/issues/7/comments")));
    for (int i = 0; i < 2; i++) {
      wm.verify(
          1,
          patchRequestedFor(urlPathEqualTo("/repos/octo/app/issues/comments/" + (3000 + i)))
              .withRequestBody(
                  equalToJson(JSON.writeValueAsString(Map.of("body", comment(report, i))))));
    }
  }

  @Test
  void aRunThatChangesNothingWritesNoComment() throws Exception {
    PrReport report = report();
    ArrayNode existing = JSON.createArrayNode();
    for (int i = 0; i < 2; i++) {
      ObjectNode c = (ObjectNode) JSON.readTree(github.fixture("comment-created.json"));
      c.put("id", 3000 + i);
      c.put("body", comment(report, i));
      existing.add(c);
    }
    wm.stubFor(get(urlEqualTo(COMMENTS)).willReturn(json(200, existing.toString())));
    checkRunsAccepted();

    run(true);

    wm.verify(0, postRequestedFor(urlPathEqualTo("/repos/octo/app/issues/7/comments")));
    wm.verify(0, patchRequestedFor(anyUrl()));
  }

  @ParameterizedTest(name = "GitHub answers {0}")
  @CsvSource({
    "403, error-403-integration.json",
    "404, error-404.json",
    "422, error-422.json",
    "502, error-502.html"
  })
  void theReportSummaryAndOutputsAreWrittenWhateverGitHubAnswers(int status, String body)
      throws Exception {
    // Every call fails, the 502 on each of its bounded retries too.
    wm.stubFor(get(urlEqualTo(COMMENTS)).willReturn(json(status, github.fixture(body))));

    JobResult result = run(true);

    assertThat(result.exitCode()).isEqualTo(ExitCode.PUBLISH);
    assertThat(result.failure()).isPresent();
    assertThat(result.failure().get().getMessage())
        .contains(String.valueOf(status))
        .doesNotContain(FakeGitHub.TOKEN);
    assertThat(github.waits).hasSize(status == 502 ? 3 : 0);
    PrReport written =
        PrReportJson.read("report.json", Files.readString(dir.resolve("report.json")));
    assertThat(written).isEqualTo(result.report());
    assertThat(Files.readString(dir.resolve("summary.md")))
        .isEqualTo(
            PrCommentMarkdown.combined(
                result.report(),
                CommentOptions.DEFAULT
                    .withRunUrl("https://github.com/octo/app/actions/runs/99")
                    .withMaxChars(StepReport.SUMMARY_MAX_CHARS)));
    String outputs = Files.readString(dir.resolve("output.txt"));
    assertThat(outputs)
        .startsWith("verdict<<EOF_1\nfail\nEOF_1\nsize-delta<<EOF_2\n29000000\nEOF_2\n")
        .contains("report-path<<EOF_3\n" + dir.resolve("report.json") + "\nEOF_3\n");
    wm.verify(0, postRequestedFor(anyUrl()));
  }

  @Test
  void withPublishingOffNoRequestIsSent() throws Exception {
    JobResult result = run(false);

    assertThat(result.exitCode()).isEqualTo(ExitCode.BUDGET_EXCEEDED);
    assertThat(result.report().pr().orElseThrow().headSha()).isEqualTo(Samples.HEAD);
    assertThat(result.report().pr().orElseThrow().number()).isEqualTo(7);
    assertThat(result.report().pr().orElseThrow().title())
        .isEqualTo("Switch the runtime to python:3.13-slim <b>|`@octo/team`");
    wm.verify(0, anyRequestedFor(anyUrl()));
  }

  @Test
  void aForksReadOnlyTokenOnlyWarnsAndExplainsTheTwoPhaseWorkflow() throws Exception {
    noComments();
    wm.stubFor(
        post(urlPathEqualTo("/repos/octo/app/issues/7/comments"))
            .willReturn(json(403, github.fixture("error-403-integration.json"))));

    JobResult result = run(true, "event-pull_request-fork.json");

    assertThat(result.forkRefusal()).isTrue();
    assertThat(result.exitCode()).isEqualTo(ExitCode.BUDGET_EXCEEDED);
    assertThat(result.notices())
        .singleElement()
        .asString()
        .startsWith("warning: GitHub refused to let sizebot ")
        .contains("sizebot pr --publish=false", "sizebot publish report.json");
    assertThat(dir.resolve("summary.md")).isNotEmptyFile();
    assertThat(dir.resolve("report.json")).isNotEmptyFile();
    wm.verify(0, postRequestedFor(urlPathEqualTo("/repos/octo/app/check-runs")));
  }

  @Test
  void aGatewayErrorIsRetriedAndThenThePostSucceeds() throws Exception {
    noComments();
    String post = "/repos/octo/app/issues/7/comments";
    wm.stubFor(
        post(urlPathEqualTo(post))
            .inScenario("flaky")
            .whenScenarioStateIs(com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED)
            .willReturn(aResponse().withStatus(502).withBody(github.fixture("error-502.html")))
            .willSetStateTo("recovered"));
    wm.stubFor(
        post(urlPathEqualTo(post))
            .inScenario("flaky")
            .whenScenarioStateIs("recovered")
            .willReturn(json(201, github.fixture("comment-created.json"))));
    checkRunsAccepted();

    JobResult result = run(true);

    assertThat(result.failure()).isEmpty();
    // One refused try and one that worked for api, one for worker.
    wm.verify(3, postRequestedFor(urlPathEqualTo(post)));
    assertThat(github.waits).hasSize(1);
  }
}
