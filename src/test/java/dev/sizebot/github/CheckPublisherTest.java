package dev.sizebot.github;

import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static dev.sizebot.github.GitHubStub.HEAD;
import static dev.sizebot.github.GitHubStub.api;
import static dev.sizebot.github.GitHubStub.fixture;
import static dev.sizebot.github.GitHubStub.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class CheckPublisherTest {
  @RegisterExtension static WireMockExtension wm = GitHubStub.extension();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String RUN_URL = "https://github.com/octo/app/actions/runs/99";

  static List<Annotation> annotations(int n) {
    List<Annotation> list = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      list.add(
          new Annotation(
              "docker/api.Dockerfile",
              i,
              i + 1,
              i % 2 == 0 ? Annotation.Level.WARNING : Annotation.Level.NOTICE,
              "SB10" + (i % 10),
              "finding " + i));
    }
    return list;
  }

  static CheckRequest request(Conclusion conclusion, List<Annotation> annotations) {
    return CheckRequest.forImage(
        "api",
        HEAD,
        conclusion,
        "api: +805 MB (+374 %)",
        "Budget exceeded",
        "details",
        annotations,
        Optional.of(RUN_URL));
  }

  static ObjectNode output(String summary, List<Annotation> batch) {
    ObjectNode output = JSON.createObjectNode();
    output.put("title", "api: +805 MB (+374 %)").put("summary", summary).put("text", "details");
    ArrayNode list = output.putArray("annotations");
    for (Annotation a : batch) {
      list.addObject()
          .put("path", a.path())
          .put("start_line", a.startLine())
          .put("end_line", a.endLine())
          .put("annotation_level", a.level().checkRun())
          .put("message", a.message())
          .put("title", a.title());
    }
    return output;
  }

  private void stubRepo(String prefix) {
    GitHubStub.repoAndPull(wm, prefix);
    wm.stubFor(
        post(urlEqualTo(prefix + "/repos/octo/app/check-runs"))
            .willReturn(json(201, fixture("check-run.json", api(wm, prefix)))));
    wm.stubFor(
        patch(urlEqualTo(prefix + "/repos/octo/app/check-runs/4"))
            .willReturn(json(200, fixture("check-run.json", api(wm, prefix)))));
  }

  @Test
  void oneHundredTwentyAnnotationsGoInThreeRequestsOfFiftyFiftyAndTwenty() throws Exception {
    stubRepo("");
    List<Annotation> all = annotations(120);

    CheckResult result = GitHubStub.session(wm).checks().publish(request(Conclusion.FAILURE, all));

    assertThat(result)
        .isEqualTo(
            new CheckResult(
                CheckResult.Kind.CHECK_RUN,
                Conclusion.FAILURE,
                false,
                Optional.of("https://github.com/octo/app/runs/4")));
    ObjectNode create = JSON.createObjectNode();
    create.put("name", "sizebot / api").put("head_sha", HEAD);
    create.put("status", "completed").put("conclusion", "failure").put("details_url", RUN_URL);
    create.set("output", output("Budget exceeded", all.subList(0, 50)));
    wm.verify(
        1,
        postRequestedFor(urlEqualTo("/repos/octo/app/check-runs"))
            .withRequestBody(equalToJson(JSON.writeValueAsString(create))));
    for (List<Annotation> batch : List.of(all.subList(50, 100), all.subList(100, 120))) {
      ObjectNode update = JSON.createObjectNode();
      update.set("output", output("Budget exceeded", batch));
      wm.verify(
          1,
          patchRequestedFor(urlEqualTo("/repos/octo/app/check-runs/4"))
              .withRequestBody(equalToJson(JSON.writeValueAsString(update))));
    }
    wm.verify(2, patchRequestedFor(anyUrl()));
  }

  @Test
  void theOverrideLabelOnThePullRequestTurnsAFailureNeutral() throws Exception {
    stubRepo("");

    CheckResult result =
        GitHubStub.session(wm)
            .checks()
            .publish(request(Conclusion.FAILURE, annotations(1)), 7, "size-ok");

    assertThat(result.conclusion()).isEqualTo(Conclusion.NEUTRAL);
    assertThat(result.overridden()).isTrue();
    ObjectNode create = JSON.createObjectNode();
    create.put("name", "sizebot / api").put("head_sha", HEAD);
    create.put("status", "completed").put("conclusion", "neutral").put("details_url", RUN_URL);
    create.set(
        "output",
        output(
            "**Overridden:** the `size-ok` label turns this failure into a neutral result.\n\n"
                + "Budget exceeded",
            annotations(1)));
    wm.verify(
        postRequestedFor(urlEqualTo("/repos/octo/app/check-runs"))
            .withRequestBody(equalToJson(JSON.writeValueAsString(create))));
  }

  @Test
  void withoutTheOverrideLabelAFailureStaysAFailure() {
    stubRepo("");

    CheckResult result =
        GitHubStub.session(wm)
            .checks()
            .publish(request(Conclusion.FAILURE, annotations(1)), 7, "sizebot-override");

    assertThat(result.conclusion()).isEqualTo(Conclusion.FAILURE);
    assertThat(result.overridden()).isFalse();
    wm.verify(
        postRequestedFor(urlEqualTo("/repos/octo/app/check-runs"))
            .withRequestBody(matchingJsonPath("$.conclusion", equalTo("failure"))));
  }

  @Test
  void aTokenThatMayNotCreateChecksFallsBackToACommitStatus() {
    GitHubStub.repoAndPull(wm, "");
    wm.stubFor(
        post(urlEqualTo("/repos/octo/app/check-runs"))
            .willReturn(json(403, fixture("error-403-integration.json", api(wm, "")))));
    wm.stubFor(
        post(urlEqualTo("/repos/octo/app/statuses/" + HEAD))
            .willReturn(json(201, fixture("status.json", api(wm, "")))));

    CheckResult result =
        GitHubStub.session(wm).checks().publish(request(Conclusion.FAILURE, annotations(3)));

    assertThat(result)
        .isEqualTo(
            new CheckResult(
                CheckResult.Kind.COMMIT_STATUS, Conclusion.FAILURE, false, Optional.of(RUN_URL)));
    wm.verify(
        1,
        postRequestedFor(urlEqualTo("/repos/octo/app/statuses/" + HEAD))
            .withRequestBody(
                equalToJson(
                    "{\"state\": \"failure\", \"target_url\": \""
                        + RUN_URL
                        + "\", \"description\": \"api: +805 MB (+374 %)\","
                        + " \"context\": \"sizebot / api\"}")));
  }

  @Test
  void onGitHubEnterpriseServerEveryRequestGoesUnderApiV3() {
    stubRepo("/api/v3");

    CheckResult result =
        GitHubStub.session(wm, "/api/v3", false, new GitHubStub.RecordingSleeper())
            .checks()
            .publish(request(Conclusion.SUCCESS, annotations(2)));

    assertThat(result.kind()).isEqualTo(CheckResult.Kind.CHECK_RUN);
    wm.verify(1, getRequestedFor(urlEqualTo("/api/v3/repos/octo/app")));
    wm.verify(
        1,
        postRequestedFor(urlEqualTo("/api/v3/repos/octo/app/check-runs"))
            .withRequestBody(matchingJsonPath("$.conclusion", equalTo("success"))));
    wm.verify(0, getRequestedFor(urlMatching("/repos/.*")));
  }
}
