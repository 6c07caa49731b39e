package dev.sizebot.pipeline;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.sizebot.pipeline.FakeGitHub.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.sizebot.common.ExitCode;
import dev.sizebot.github.ActionsContext;
import dev.sizebot.github.StepFiles;
import dev.sizebot.report.AuditHistory;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class AuditJobTest {
  @RegisterExtension static WireMockExtension wm = FakeGitHub.extension();

  static final ObjectMapper JSON = new ObjectMapper();
  static final String ISSUES = "/repos/octo/app/issues";

  @TempDir Path dir;
  FakeGitHub github;

  @BeforeEach
  void repository() {
    github = new FakeGitHub(wm);
    github.repoAndPull();
  }

  private JobResult audit(String date) throws Exception {
    Map<String, String> env = github.env(dir, "schedule", "event-schedule.json");
    return new AuditJob(Samples.measurer(), github.sessions(), StepFiles.random())
        .run(
            ActionsContext.fromEnv(env),
            Samples.config(false),
            "main",
            dir.resolve("history.json"),
            dir.resolve("report.json"),
            true,
            date);
  }

  private String issue(String body) throws Exception {
    try (InputStream in = getClass().getResourceAsStream("/pipeline/issue-audit.json")) {
      ObjectNode issue =
          (ObjectNode)
              JSON.readTree(
                  new String(in.readAllBytes(), StandardCharsets.UTF_8)
                      .replace("{{api}}", github.api()));
      issue.put("body", body);
      return issue.toString();
    }
  }

  @Test
  void twoAuditsInARowKeepOneIssueWhoseTrendHasTwoPoints() throws Exception {
    wm.stubFor(
        get(urlPathEqualTo(ISSUES))
            .withQueryParam("labels", equalTo("sizebot-audit"))
            .withQueryParam("state", equalTo("open"))
            .willReturn(json(200, "[]")));
    wm.stubFor(post(urlPathEqualTo(ISSUES)).willReturn(json(201, issue(""))));

    JobResult first = audit("2026-12-06");

    assertThat(first.exitCode()).isEqualTo(ExitCode.OK);
    List<LoggedRequest> created = wm.findAll(postRequestedFor(urlPathEqualTo(ISSUES)));
    assertThat(created).hasSize(1);
    String firstBody = JSON.readTree(created.get(0).getBodyAsString()).path("body").asText();
    wm.verify(
        postRequestedFor(urlPathEqualTo(ISSUES))
            .withRequestBody(
                equalToJson(
                    "{\"title\":\"sizebot audit: image sizes of main\","
                        + "\"labels\":[\"sizebot-audit\"]}",
                    true,
                    true)));
    assertThat(firstBody)
        .startsWith("<!-- sizebot:audit v1 -->\n## 🐳 sizebot audit of `main` — 2026\\-12\\-06")
        .contains("First audit: there is no earlier point to compare with yet.")
        .contains("x-axis [\"2026-12-06\"]", "line [30.0]");

    wm.resetAll();
    github.repoAndPull();
    wm.stubFor(
        get(urlPathEqualTo(ISSUES))
            .withQueryParam("labels", equalTo("sizebot-audit"))
            .willReturn(json(200, "[" + issue(firstBody) + "]")));
    wm.stubFor(patch(urlPathEqualTo(ISSUES + "/42")).willReturn(json(200, issue("updated"))));

    JobResult second = audit("2026-12-07");

    assertThat(second.exitCode()).isEqualTo(ExitCode.OK);
    wm.verify(0, postRequestedFor(urlPathEqualTo(ISSUES)));
    List<LoggedRequest> edits = wm.findAll(patchRequestedFor(urlPathEqualTo(ISSUES + "/42")));
    assertThat(edits).hasSize(1);
    String body = JSON.readTree(edits.get(0).getBodyAsString()).path("body").asText();
    assertThat(body)
        .contains("x-axis [\"2026-12-06\", \"2026-12-07\"]", "line [30.0, 30.0]")
        .contains("| api | `linux/amd64` | 30.0 MB |")
        .contains("0 B since 2026\\-12\\-06")
        .contains("Nothing grew by more than the noise floor since the last audit.")
        .contains("SB101 apt lists left in the layer");
    AuditHistory history = AuditHistory.read("h", Files.readString(dir.resolve("history.json")));
    assertThat(history.of("api", "linux/amd64")).hasSize(2);
    assertThat(history.points()).hasSize(4);
  }

  @Test
  void aSecondAuditOnTheSameDayReplacesThatDaysPoint() throws Exception {
    AuditHistory h =
        AuditHistory.EMPTY.plus(
            List.of(new AuditHistory.Point("2026-12-06", "a", "api", "linux/amd64", 1, 1, 0, 0)));
    AuditHistory again =
        h.plus(
            List.of(new AuditHistory.Point("2026-12-06", "b", "api", "linux/amd64", 2, 1, 0, 0)));
    assertThat(again.points()).singleElement().extracting(AuditHistory.Point::size).isEqualTo(2L);
    assertThat(AuditHistory.read("h", again.toJson())).isEqualTo(again);
  }
}
