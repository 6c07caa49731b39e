package dev.sizebot.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.sizebot.testing.ActionRunner;
import dev.sizebot.testing.Engine;
import dev.sizebot.testing.GitHubFixtures;
import dev.sizebot.testing.OutputFile;
import dev.sizebot.testing.TestRepo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The action as users get it (issue 14 §5): the image built from this repository's Dockerfile
 * (scripts/test builds it from the local stand-in bases and names it in {@code SIZEBOT_E2E_IMAGE}),
 * run exactly as the Actions runner runs a docker action ({@link ActionRunner}) on a pull_request
 * of a git repository, with GitHub as WireMock on the job network's gateway: the only host address
 * the job's containers reach without the host listening on every interface.
 */
@Tag("action-image")
class ActionImageEngineTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String TOKEN = "ghs_16C7e42F292c6912E7710c838347Ae178B4a";
  static final int BASE_BYTES = 100_000;
  static final int HEAD_BYTES = 400_000;
  static final Pattern RUN_ID = Pattern.compile("sizebot:([0-9a-f]{12})-(?:base|head)");

  // The image's one file comes out of a busybox build stage, so its size is exactly the data's and
  // the same on every machine whatever busybox it has.
  static final String DOCKERFILE =
      """
      FROM scratch AS build
      COPY busybox /bin/busybox
      COPY data /src/data
      RUN ["/bin/busybox", "cp", "/src/data", "/data"]

      FROM scratch
      COPY --from=build /data /data
      """;

  @TempDir Path workspace;
  @TempDir Path runnerTemp;

  @Test
  void theActionImageRunAsTheRunnerRunsItPostsTheCommentAndCheckAndWritesTheStepFiles()
      throws Exception {
    String image = requireImage();
    TestRepo repo = new TestRepo(workspace);
    String[] shas = pullRequest(repo);
    String base = shas[0];
    String head = shas[1];
    ActionRunner.Job job = ActionRunner.job(runnerTemp, workspace);
    Set<String> volumesBefore = lines(Engine.docker("volume", "ls", "-q"));
    ActionRunner.createNetwork(job);
    WireMockServer github = null;
    ActionRunner.Run run;
    try {
      String gateway =
          Engine.docker(
                  "network", "inspect", "-f", "{{(index .IPAM.Config 0).Gateway}}", job.network())
              .strip();
      github =
          new WireMockServer(
              wireMockConfig().bindAddress(gateway).dynamicPort().http2PlainDisabled(true));
      github.start();
      String api = "http://" + gateway + ":" + github.port();
      stubGitHub(github, api, head, base);
      Path event = runnerTemp.resolve("_github_workflow/event.json");
      Files.writeString(
          event, shaed(GitHubFixtures.fixture("event-pull_request.json", api), head, base));
      String uuid = UUID.randomUUID().toString();
      Path summary = runnerTemp.resolve("_runner_file_commands/step_summary_" + uuid);
      Path output = runnerTemp.resolve("_runner_file_commands/set_output_" + uuid);
      Files.createFile(summary);
      Files.createFile(output);
      Map<String, String> context =
          context(api, repo.git("rev-parse", "HEAD"), event, summary, output);
      run =
          new ActionRunner(projectFile("action.yml"), image)
              .run(job, Map.of("max_increase", "200kB"), context, TOKEN);
      github.stop();
      assertRun(run, github, api, head, base, summary, output);
    } finally {
      if (github != null) {
        github.stop();
      }
      ActionRunner.removeNetwork(job);
      ownBack(image);
    }
    assertNothingLeft(run, job, volumesBefore, repo);
  }

  private void assertRun(
      ActionRunner.Run run,
      WireMockServer github,
      String api,
      String head,
      String base,
      Path summary,
      Path output)
      throws Exception {
    List<String> requests =
        new ArrayList<>(
            github.getAllServeEvents().stream()
                .map(e -> e.getRequest().getMethod() + " " + e.getRequest().getUrl())
                .toList());
    Collections.reverse(requests);
    // The PR changes only a binary file, so no line of the Dockerfile can take a suggestion.
    assertThat(requests)
        .containsExactly(
            "GET /repos/octo/app",
            "GET /repos/octo/app/pulls/7",
            "GET /repos/octo/app/issues/7/comments?per_page=100",
            "POST /repos/octo/app/issues/7/comments",
            "POST /repos/octo/app/check-runs",
            "GET /repos/octo/app/pulls/7/files?per_page=100",
            "GET /repos/octo/app/pulls/7/comments?per_page=100");
    assertThat(run.exitCode()).as(run.stderr()).isEqualTo(1);
    assertThat(run.stdout() + run.stderr()).doesNotContain(TOKEN);
    assertThat(github.findAllUnmatchedRequests()).isEmpty();
    String comment = onlyBody(github, "/repos/octo/app/issues/7/comments");
    String shownComment = normalized(comment, head, base);
    assertThat(shownComment).isEqualTo(golden("action-image-comment.md", shownComment));
    JsonNode check = JSON.readTree(onlyRequest(github, "/repos/octo/app/check-runs"));
    String shownCheck = normalized(check.toPrettyString(), head, base);
    assertThat(shownCheck).isEqualTo(golden("action-image-check-run.json", shownCheck));
    String shownSummary = normalized(Files.readString(summary), head, base);
    assertThat(shownSummary).isEqualTo(golden("action-image-summary.md", shownSummary));
    Map<String, String> outputs = OutputFile.parse(Files.readString(output));
    // comment-body is every image's comment as one (README, Outputs), the body merge would post.
    String body = normalized(outputs.get("comment-body"), head, base);
    assertThat(body).isEqualTo(golden("action-image-comment-body.md", body));
    assertThat(outputs)
        .containsExactly(
            Map.entry("verdict", "fail"),
            Map.entry("size-delta", Integer.toString(HEAD_BYTES - BASE_BYTES)),
            Map.entry("report-path", "sizebot-report.json"),
            Map.entry("comment-body", outputs.get("comment-body")));
    JsonNode report = JSON.readTree(workspace.resolve("sizebot-report.json").toFile());
    assertThat(report.at("/images/0/base/image/size").asLong()).isEqualTo(BASE_BYTES);
    assertThat(report.at("/images/0/head/image/size").asLong()).isEqualTo(HEAD_BYTES);
  }

  private void assertNothingLeft(
      ActionRunner.Run run, ActionRunner.Job job, Set<String> volumesBefore, TestRepo repo)
      throws Exception {
    Matcher id = RUN_ID.matcher(run.stderr());
    assertThat(id.find()).as("sizebot names its run's images in its log: " + run.stderr()).isTrue();
    String owner = "label=dev.sizebot.owner=" + id.group(1);
    assertThat(Engine.docker("ps", "-aq", "--filter", owner)).isBlank();
    assertThat(Engine.docker("ps", "-aq", "--filter", "label=" + job.label())).isBlank();
    assertThat(Engine.docker("ps", "-aq", "--filter", "name=" + run.container())).isBlank();
    assertThat(Engine.docker("images", "-aq", "--filter", owner)).isBlank();
    assertThat(Engine.docker("images", "-q", "sizebot:" + id.group(1) + "-*")).isBlank();
    assertThat(Engine.docker("network", "ls", "-q", "--filter", "name=" + job.network())).isBlank();
    assertThat(Engine.docker("network", "ls", "-q", "--filter", owner)).isBlank();
    assertThat(lines(Engine.docker("volume", "ls", "-q"))).isSubsetOf(volumesBefore);
    assertThat(repo.git("worktree", "list").lines()).hasSize(1);
    assertThat(repo.git("status", "--porcelain", "--ignored")).isEqualTo("?? sizebot-report.json");
  }

  private static String requireImage() {
    String image = System.getenv("SIZEBOT_E2E_IMAGE");
    if (image == null || image.isBlank()) {
      String why =
          "no action image: SIZEBOT_E2E_IMAGE is not set (CI=true scripts/test, or SIZEBOT_E2E=1"
              + " scripts/test, builds it from the stand-in bases and runs this test)";
      if ("true".equals(System.getenv("CI"))) {
        throw new AssertionError("CI=true but " + why);
      }
      Assumptions.abort(why);
    }
    Engine.require();
    Engine.docker("image", "inspect", "-f", "{{.Id}}", image);
    return image;
  }

  /**
   * The repository as actions/checkout leaves it on a pull_request run: main (the base commit), the
   * PR's branch one commit ahead (the data grows by exactly HEAD_BYTES - BASE_BYTES), and the test
   * merge commit checked out detached. Returns the base and head commits.
   */
  private String[] pullRequest(TestRepo repo) throws Exception {
    Files.copy(Engine.busybox(), workspace.resolve("busybox"));
    repo.git("init", "-q", "-b", "main");
    Files.write(workspace.resolve("data"), data(BASE_BYTES));
    repo.commit(DOCKERFILE, "base");
    String base = repo.git("rev-parse", "HEAD");
    repo.git("checkout", "-q", "-b", "slim-base");
    Files.write(workspace.resolve("data"), data(HEAD_BYTES));
    repo.commit(DOCKERFILE, "grow the data");
    String head = repo.git("rev-parse", "HEAD");
    repo.git("checkout", "-q", "--detach", "main");
    repo.git(
        "-c",
        "user.name=t",
        "-c",
        "user.email=t@example.com",
        "merge",
        "-q",
        "--no-ff",
        "-m",
        "Merge " + head + " into " + base,
        head);
    return new String[] {base, head};
  }

  // Incompressible, and the same bytes every run: the compressed estimate is stable too.
  private static byte[] data(int size) {
    byte[] bytes = new byte[size];
    new Random(14).nextBytes(bytes);
    return bytes;
  }

  private Map<String, String> context(
      String api, String merge, Path event, Path summary, Path output) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("GITHUB_JOB", "size");
    env.put("GITHUB_REF", "refs/pull/7/merge");
    env.put("GITHUB_SHA", merge);
    env.put("GITHUB_REPOSITORY", "octo/app");
    env.put("GITHUB_REPOSITORY_OWNER", "octo");
    env.put("GITHUB_RUN_ID", "99");
    env.put("GITHUB_RUN_NUMBER", "12");
    env.put("GITHUB_ACTOR", "mona");
    env.put("GITHUB_WORKFLOW", "sizebot");
    env.put("GITHUB_HEAD_REF", "slim-base");
    env.put("GITHUB_BASE_REF", "main");
    env.put("GITHUB_EVENT_NAME", "pull_request");
    env.put("GITHUB_SERVER_URL", "https://github.com");
    env.put("GITHUB_API_URL", api);
    env.put("GITHUB_WORKSPACE", workspace.toString());
    env.put("GITHUB_EVENT_PATH", event.toString());
    env.put("GITHUB_STEP_SUMMARY", summary.toString());
    env.put("GITHUB_OUTPUT", output.toString());
    // Host paths that no mount covers reach the container untranslated, as on the runner.
    env.put("RUNNER_TEMP", runnerTemp.toString());
    env.put("RUNNER_TOOL_CACHE", "/opt/hostedtoolcache");
    return env;
  }

  private static void stubGitHub(WireMockServer github, String api, String head, String base) {
    github.stubFor(
        get(urlPathEqualTo("/repos/octo/app"))
            .willReturn(GitHubFixtures.json(200, GitHubFixtures.fixture("repo.json", api))));
    github.stubFor(
        get(urlPathEqualTo("/repos/octo/app/pulls/7"))
            .willReturn(
                GitHubFixtures.json(
                    200, shaed(GitHubFixtures.fixture("pull.json", api), head, base))));
    github.stubFor(
        get(urlEqualTo("/repos/octo/app/issues/7/comments?per_page=100"))
            .willReturn(GitHubFixtures.json(200, "[]")));
    github.stubFor(
        post(urlPathEqualTo("/repos/octo/app/issues/7/comments"))
            .willReturn(
                GitHubFixtures.json(201, GitHubFixtures.fixture("comment-created.json", api))));
    github.stubFor(
        get(urlEqualTo("/repos/octo/app/pulls/7/comments?per_page=100"))
            .willReturn(GitHubFixtures.json(200, "[]")));
    github.stubFor(
        get(urlEqualTo("/repos/octo/app/pulls/7/files?per_page=100"))
            .willReturn(GitHubFixtures.json(200, dataFile(api, head))));
    github.stubFor(
        post(urlPathEqualTo("/repos/octo/app/check-runs"))
            .willReturn(
                GitHubFixtures.json(
                    201, shaed(GitHubFixtures.fixture("check-run.json", api), head, base))));
  }

  // GitHub lists a changed binary file without a patch.
  private static String dataFile(String api, String head) {
    return """
        [{"sha": "e69de29bb2d1d6434b8b29ae775ad8c2e48c5391", "filename": "data",
          "status": "modified", "additions": 0, "deletions": 0, "changes": 0,
          "blob_url": "https://github.com/octo/app/blob/%1$s/data",
          "raw_url": "https://github.com/octo/app/raw/%1$s/data",
          "contents_url": "%2$s/repos/octo/app/contents/data?ref=%1$s"}]
        """
        .formatted(head, api);
  }

  // The fixtures' commits are this repository's.
  private static String shaed(String fixture, String head, String base) {
    return fixture
        .replace("5d6e7f80a1b2c3d4e5f60718293a4b5c6d7e8f90", head)
        .replace("1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d", base);
  }

  // The commits differ with the machine's busybox and the time: the goldens name them {{head}}.
  private static String normalized(String text, String head, String base) {
    return text.replace(head, "{{head}}")
        .replace(base, "{{base}}")
        .replace(head.substring(0, 7), "{{head7}}")
        .replace(base.substring(0, 7), "{{base7}}");
  }

  private static String onlyRequest(WireMockServer github, String path) {
    List<LoggedRequest> posted = github.findAll(postRequestedFor(urlPathEqualTo(path)));
    assertThat(posted).hasSize(1);
    return posted.get(0).getBodyAsString();
  }

  private static String onlyBody(WireMockServer github, String path) throws Exception {
    return JSON.readTree(onlyRequest(github, path)).path("body").asText();
  }

  // -Dsizebot.updateGolden=true writes the golden anew, as GoldenFile does for the report's.
  private static String golden(String name, String actual) throws Exception {
    Path file = projectFile("src/test/resources/golden/" + name);
    if (Boolean.getBoolean("sizebot.updateGolden")) {
      Files.writeString(file, actual);
    }
    return Files.readString(file);
  }

  private static Path projectFile(String path) {
    return Path.of(System.getenv().getOrDefault("SIZEBOT_PROJECT_DIR", ".")).resolve(path);
  }

  private static Set<String> lines(String text) {
    return Set.copyOf(text.lines().filter(l -> !l.isBlank()).toList());
  }

  // The container ran as root: its files in the workspace and temp directories become the test's
  // again, so that JUnit can delete them (run with the action image, which has chown).
  private void ownBack(String image) throws Exception {
    String owner =
        Files.getAttribute(workspace, "unix:uid") + ":" + Files.getAttribute(workspace, "unix:gid");
    Engine.docker(
        "run",
        "--rm",
        "--network",
        "none",
        "--entrypoint",
        "chown",
        "-v",
        workspace + ":/w",
        "-v",
        runnerTemp + ":/t",
        image,
        "-R",
        owner,
        "/w",
        "/t");
  }
}
