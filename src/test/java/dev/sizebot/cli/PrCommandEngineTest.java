package dev.sizebot.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.sizebot.testing.Engine;
import dev.sizebot.testing.GitHubFixtures;
import dev.sizebot.testing.TestRepo;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sizebot pr} end to end on the real engine: a git repository with a base and a PR commit,
 * the Actions environment of a pull_request run, and GitHub as WireMock on 127.0.0.1.
 */
class PrCommandEngineTest {
  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance()
          .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1").http2PlainDisabled(true))
          .failOnUnmatchedRequests(true)
          .build();

  static final ObjectMapper JSON = new ObjectMapper();
  static final String COMMENTS = "/repos/octo/app/issues/7/comments?per_page=100";

  @TempDir Path repo;
  @TempDir Path runner;

  @Test
  void aPullRequestGetsOneCommentWithTheEnginesNumbersAndARerunWritesNothing() throws Exception {
    Engine.require();
    String mark = "dev.sizebot.test.case=" + UUID.randomUUID();
    String dockerfile =
        "FROM scratch\nCOPY busybox /bin/busybox\n"
            + "RUN [\"/bin/busybox\", \"--install\", \"-s\", \"/bin\"]\n"
            + "RUN head -c %d /dev/zero > /data\n"
            + "LABEL "
            + mark
            + "\n";
    Files.copy(Engine.busybox(), repo.resolve("busybox"));
    Files.createDirectories(repo.resolve(".github"));
    Files.writeString(
        repo.resolve(".github/sizebot.yml"),
        "images:\n  - name: app\n    budget: { max-increase: 100kB }\nsuggestions: { enabled: false }\n");
    git("init", "-q", "-b", "main");
    commit(dockerfile.formatted(1000), "base");
    String base = git("rev-parse", "HEAD");
    git("checkout", "-q", "-b", "feature");
    commit(dockerfile.formatted(301_000), "grow /data by 300 kB");
    String head = git("rev-parse", "HEAD");
    stubGitHub(head, base);

    MainTest.Result compare =
        MainTest.run(
            "compare",
            "--base-ref",
            base,
            "--head-ref",
            head,
            "--context",
            repo.toString(),
            "--format",
            "json");
    JsonNode compared = JSON.readTree(compare.out());
    wm.stubFor(get(urlEqualTo(COMMENTS)).willReturn(json(200, "[]")));

    Result first = pr(head, base);

    assertThat(first.code).as(first.err).isEqualTo(1);
    List<LoggedRequest> posted =
        wm.findAll(postRequestedFor(urlPathEqualTo("/repos/octo/app/issues/7/comments")));
    assertThat(posted).hasSize(1);
    String body = JSON.readTree(posted.get(0).getBodyAsString()).path("body").asText();
    assertThat(body)
        .startsWith("<!-- sizebot:v1 image=app platform=" + compared.at("/platform").asText(""))
        .contains("+300 kB");
    JsonNode report = JSON.readTree(Files.readString(runner.resolve("report.json")));
    JsonNode app = report.at("/images/0");
    assertThat(app.at("/head/image/size").asLong() - app.at("/base/image/size").asLong())
        .isEqualTo(compared.at("/delta/bytes").asLong())
        .isEqualTo(300_000);
    assertThat(app.at("/verdict/outcome").asText()).isEqualTo("fail");
    assertThat(Files.readString(runner.resolve("summary.md"))).contains("+300 kB");
    assertThat(Files.readString(runner.resolve("output.txt"))).contains("\nfail\n");

    // The rerun finds its own comment with the same body: no write at all.
    ObjectNode existing = (ObjectNode) JSON.readTree(fixture("comment-created.json"));
    existing.put("body", body);
    wm.resetRequests();
    wm.stubFor(get(urlEqualTo(COMMENTS)).willReturn(json(200, "[" + existing + "]")));
    Result second = pr(head, base);

    assertThat(second.code).as(second.err).isEqualTo(1);
    wm.verify(0, postRequestedFor(urlPathEqualTo("/repos/octo/app/issues/7/comments")));
    wm.verify(0, patchRequestedFor(anyUrl()));
    assertThat(Engine.docker("images", "-aq", "--filter", "label=" + mark)).isBlank();
    assertThat(Engine.docker("ps", "-aq", "--filter", "label=" + mark)).isBlank();
    assertThat(git("worktree", "list").lines()).hasSize(1);
  }

  record Result(int code, String out, String err) {}

  private Result pr(String head, String base) throws IOException {
    Path event = runner.resolve("event.json");
    Files.writeString(
        event,
        fixture("event-pull_request.json")
            .replace("5d6e7f80a1b2c3d4e5f60718293a4b5c6d7e8f90", head)
            .replace("1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d", base));
    Map<String, String> env = new HashMap<>();
    env.put("GITHUB_ACTIONS", "true");
    env.put("GITHUB_EVENT_NAME", "pull_request");
    env.put("GITHUB_EVENT_PATH", event.toString());
    env.put("GITHUB_REPOSITORY", "octo/app");
    env.put("GITHUB_API_URL", "http://127.0.0.1:" + wm.getPort());
    env.put("GITHUB_TOKEN", "ghs_16C7e42F292c6912E7710c838347Ae178B4a");
    env.put("GITHUB_WORKSPACE", repo.toString());
    env.put("GITHUB_STEP_SUMMARY", runner.resolve("summary.md").toString());
    env.put("GITHUB_OUTPUT", runner.resolve("output.txt").toString());
    env.put("PATH", System.getenv("PATH"));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        Main.run(
            new String[] {"pr", "--report", runner.resolve("report.json").toString()},
            new PrintWriter(out),
            new PrintWriter(err),
            env);
    assertThat(err.toString()).doesNotContain("ghs_16C7e42F292c6912E7710c838347Ae178B4a");
    return new Result(code, out.toString(), err.toString());
  }

  private void stubGitHub(String head, String base) {
    wm.stubFor(get(urlPathEqualTo("/repos/octo/app")).willReturn(json(200, fixture("repo.json"))));
    wm.stubFor(
        get(urlPathEqualTo("/repos/octo/app/pulls/7"))
            .willReturn(
                json(
                    200,
                    fixture("pull.json")
                        .replace("5d6e7f80a1b2c3d4e5f60718293a4b5c6d7e8f90", head)
                        .replace("1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d", base))));
    wm.stubFor(
        post(urlPathEqualTo("/repos/octo/app/issues/7/comments"))
            .willReturn(json(201, fixture("comment-created.json"))));
    wm.stubFor(
        post(urlPathEqualTo("/repos/octo/app/check-runs"))
            .willReturn(
                json(
                    201,
                    fixture("check-run.json")
                        .replace("5d6e7f80a1b2c3d4e5f60718293a4b5c6d7e8f90", head))));
  }

  private static ResponseDefinitionBuilder json(int status, String body) {
    return GitHubFixtures.json(status, body);
  }

  private String fixture(String name) {
    return GitHubFixtures.fixture(name, "http://127.0.0.1:" + wm.getPort());
  }

  private void commit(String dockerfile, String message) throws Exception {
    new TestRepo(repo).commit(dockerfile, message);
  }

  private String git(String... args) throws IOException, InterruptedException {
    return new TestRepo(repo).git(args);
  }
}
