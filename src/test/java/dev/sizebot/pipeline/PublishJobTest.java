package dev.sizebot.pipeline;

import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.sizebot.pipeline.FakeGitHub.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.sizebot.common.ExitCode;
import dev.sizebot.common.SizebotException;
import dev.sizebot.github.ActionsContext;
import dev.sizebot.github.StepFiles;
import dev.sizebot.report.CommentOptions;
import dev.sizebot.report.PrCommentMarkdown;
import dev.sizebot.report.PrContext;
import dev.sizebot.report.PrReport;
import dev.sizebot.report.PrReportJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class PublishJobTest {
  @RegisterExtension static WireMockExtension wm = FakeGitHub.extension();

  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  FakeGitHub github;

  @BeforeEach
  void repository() {
    github = new FakeGitHub(wm);
    github.repoAndPull();
  }

  /** What the fork's pull_request run saved with {@code sizebot pr --publish=false}. */
  private Path measured(String headSha, String repository) throws Exception {
    Path measureDir = Files.createDirectories(dir.resolve("measure"));
    Map<String, String> env =
        github.env(measureDir, "pull_request", "event-pull_request-fork.json");
    PrReport report =
        new PrJob(Samples.measurer(), github.sessions(), StepFiles.random())
            .run(
                ActionsContext.fromEnv(env),
                Samples.config(false),
                false,
                measureDir.resolve("r.json"))
            .report();
    PrContext pr = report.pr().orElseThrow();
    PrReport edited =
        PrReport.of(
            Optional.of(new PrContext(repository, pr.number(), pr.title(), headSha, pr.baseSha())),
            report.images());
    Path file = dir.resolve("report.json");
    Files.writeString(file, PrReportJson.write(edited));
    return file;
  }

  private JobResult publish(Path report) throws Exception {
    Map<String, String> env = github.env(dir, "workflow_run", "event-workflow_run.json");
    return new PublishJob(github.sessions(), StepFiles.random())
        .run(ActionsContext.fromEnv(env), Samples.config(false), report);
  }

  @Test
  void aReportOfThePrsCurrentHeadIsPostedAsItsOwnRunWouldHave() throws Exception {
    Path report = measured(Samples.HEAD, "octo/app");
    wm.stubFor(
        get(urlEqualTo("/repos/octo/app/issues/7/comments?per_page=100"))
            .willReturn(json(200, "[]")));
    wm.stubFor(
        post(urlPathEqualTo("/repos/octo/app/issues/7/comments"))
            .willReturn(json(201, github.fixture("comment-created.json"))));
    wm.stubFor(
        post(urlPathEqualTo("/repos/octo/app/check-runs"))
            .willReturn(json(201, github.fixture("check-run.json"))));

    JobResult result = publish(report);

    assertThat(result.exitCode()).isEqualTo(ExitCode.BUDGET_EXCEEDED);
    PrReport saved = PrReportJson.read("r", Files.readString(report));
    String api =
        PrCommentMarkdown.render(
            saved,
            saved.images().get(0),
            CommentOptions.DEFAULT.withRunUrl("https://github.com/octo/app/actions/runs/99"));
    wm.verify(
        1,
        postRequestedFor(urlPathEqualTo("/repos/octo/app/issues/7/comments"))
            .withRequestBody(equalToJson(JSON.writeValueAsString(Map.of("body", api)))));
    wm.verify(2, postRequestedFor(urlPathEqualTo("/repos/octo/app/check-runs")));
  }

  @Test
  void aReportForAnotherHeadThanThePrsIsRefusedBeforeAnyWrite() throws Exception {
    Path report = measured("0000000000000000000000000000000000000000", "octo/app");
    // The workflow_run payload names the PR's head, so the report is refused before the API.
    assertThatThrownBy(() -> publish(report))
        .isInstanceOf(SizebotException.class)
        .hasMessageContaining("names head 000000000000, but the workflow run that made it was for")
        .extracting(e -> ((SizebotException) e).exitCode())
        .isEqualTo(ExitCode.INVALID_INPUT);
    wm.verify(0, postRequestedFor(anyUrl()));
  }

  @Test
  void aReportOfAnotherRepositoryIsRefused() throws Exception {
    Path report = measured(Samples.HEAD, "stranger/app");
    assertThatThrownBy(() -> publish(report))
        .isInstanceOf(SizebotException.class)
        .hasMessage(
            report
                + " is a report of stranger/app, not of octo/app: publish only reports made for"
                + " this repository");
    wm.verify(0, postRequestedFor(anyUrl()));
  }

  @Test
  void aHeadThatMovedOnSinceTheReportIsRefused() throws Exception {
    Path report = measured(Samples.HEAD, "octo/app");
    wm.stubFor(
        get(urlPathEqualTo("/repos/octo/app/pulls/7"))
            .willReturn(
                json(
                    200,
                    github
                        .fixture("pull.json")
                        .replace(Samples.HEAD, "9999999999999999999999999999999999999999"))));
    assertThatThrownBy(() -> publish(report))
        .isInstanceOf(SizebotException.class)
        .hasMessageContaining("but the PR's head is now 999999999999");
    wm.verify(0, postRequestedFor(anyUrl()));
  }

  @Test
  void reportsOfMatrixJobsMergeIntoOneAndTwoOfTheSameImageDoNot() throws Exception {
    Path report = measured(Samples.HEAD, "octo/app");
    PrReport one = PrReportJson.read("r", Files.readString(report));
    Path api = dir.resolve("api.json");
    Path worker = dir.resolve("worker.json");
    Files.writeString(api, PrReportJson.write(PrReport.of(one.pr(), List.of(one.images().get(0)))));
    Files.writeString(
        worker, PrReportJson.write(PrReport.of(one.pr(), List.of(one.images().get(1)))));

    assertThat(MergeJob.merge(List.of(api, worker))).isEqualTo(one);
    assertThatThrownBy(() -> MergeJob.merge(List.of(api, api)))
        .isInstanceOf(SizebotException.class)
        .hasMessage(api + " cannot be merged: image api on linux/amd64 is reported twice");
  }
}
