package dev.sizebot.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.sizebot.common.ExitCode;
import dev.sizebot.common.SizebotException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ActionsContextTest {
  @TempDir Path dir;

  private Map<String, String> env(String eventName, String fixture) throws IOException {
    Path event = dir.resolve("event.json");
    try (InputStream in = getClass().getResourceAsStream("/github/" + fixture)) {
      Files.copy(in, event);
    }
    Map<String, String> env = new HashMap<>();
    env.put("GITHUB_EVENT_NAME", eventName);
    env.put("GITHUB_EVENT_PATH", event.toString());
    env.put("GITHUB_REPOSITORY", "octo/app");
    env.put("GITHUB_SHA", "e5bd3914e2e596debea16f433f57875b5b90bcd6");
    env.put("GITHUB_TOKEN", "ghs_fromEnv");
    env.put("GITHUB_SERVER_URL", "https://github.com");
    env.put("GITHUB_RUN_ID", "30433642");
    env.put("GITHUB_STEP_SUMMARY", "/home/runner/work/_temp/_runner_file_commands/step_summary_1");
    env.put("GITHUB_OUTPUT", "/home/runner/work/_temp/_runner_file_commands/set_output_1");
    return env;
  }

  @Test
  void aPullRequestRunTakesTheHeadShaFromThePayloadNotTheMergeCommit() throws IOException {
    ActionsContext context = ActionsContext.fromEnv(env("pull_request", "event-pull_request.json"));

    assertThat(context.event())
        .isEqualTo(
            new Event.PullRequest(
                7,
                "Switch the runtime to python:3.13-slim <b>|`@octo/team`",
                "5d6e7f80a1b2c3d4e5f60718293a4b5c6d7e8f90",
                "1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d",
                "slim-base",
                "main",
                Optional.of("octo/app"),
                "octo/app",
                List.of("dependencies", "size-ok")));
    assertThat(context.fork()).isFalse();
    assertThat(context.repository()).isEqualTo(new RepoName("octo", "app"));
    assertThat(context.apiUrl()).isEqualTo(URI.create("https://api.github.com"));
    assertThat(context.token()).contains(new Token("ghs_fromEnv"));
    assertThat(context.runUrl()).contains("https://github.com/octo/app/actions/runs/30433642");
    assertThat(context.stepSummary())
        .contains(Path.of("/home/runner/work/_temp/_runner_file_commands/step_summary_1"));
    assertThat(context.outputFile())
        .contains(Path.of("/home/runner/work/_temp/_runner_file_commands/set_output_1"));
  }

  @Test
  void aHeadRepositoryOtherThanTheBaseIsAFork() throws IOException {
    ActionsContext context =
        ActionsContext.fromEnv(env("pull_request", "event-pull_request-fork.json"));

    assertThat(context.fork()).isTrue();
    assertThat(context.pullRequest().orElseThrow().headRepo()).contains("stranger/app");
  }

  @Test
  void theTokenInputWinsOverGithubTokenAndNeverPrints() throws IOException {
    Map<String, String> env = env("pull_request", "event-pull_request.json");
    env.put("INPUT_GITHUB_TOKEN", "ghp_fromInput");

    ActionsContext context = ActionsContext.fromEnv(env);

    assertThat(context.requireToken().value()).isEqualTo("ghp_fromInput");
    assertThat(context.toString()).doesNotContain("ghp_fromInput").contains("Token[***]");
  }

  @Test
  void gitHubEnterpriseServerKeepsItsApiV3Path() throws IOException {
    Map<String, String> env = env("pull_request", "event-pull_request.json");
    env.put("GITHUB_API_URL", "https://ghe.example/api/v3/");

    assertThat(ActionsContext.fromEnv(env).apiUrl())
        .isEqualTo(URI.create("https://ghe.example/api/v3"));
  }

  @Test
  void aWorkflowRunCarriesTheMeasuredCommitAndItsPullRequests() throws IOException {
    ActionsContext context = ActionsContext.fromEnv(env("workflow_run", "event-workflow_run.json"));

    assertThat(context.event())
        .isEqualTo(
            new Event.WorkflowRun(
                30433642,
                "pull_request",
                "5d6e7f80a1b2c3d4e5f60718293a4b5c6d7e8f90",
                "slim-base",
                Optional.of("octo/app"),
                List.of(7)));
    assertThat(context.pullRequest()).isEmpty();
  }

  @Test
  void pushScheduleAndDispatchAreRead() throws IOException {
    assertThat(ActionsContext.fromEnv(env("push", "event-push.json")).event())
        .isEqualTo(
            new Event.Push(
                "refs/heads/main",
                "1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d",
                "9f8e7d6c5b4a39281706f5e4d3c2b1a098765432"));
    Files.delete(dir.resolve("event.json"));
    assertThat(ActionsContext.fromEnv(env("schedule", "event-schedule.json")).event())
        .isEqualTo(new Event.Schedule("17 3 * * 1", "e5bd3914e2e596debea16f433f57875b5b90bcd6"));
    Files.delete(dir.resolve("event.json"));
    assertThat(
            ActionsContext.fromEnv(env("workflow_dispatch", "event-workflow_dispatch.json"))
                .event())
        .isEqualTo(
            new Event.Dispatch("refs/heads/main", "e5bd3914e2e596debea16f433f57875b5b90bcd6"));
  }

  private SizebotException failure(Map<String, String> env) {
    SizebotException e =
        catchThrowableOfType(SizebotException.class, () -> ActionsContext.fromEnv(env));
    assertThat(e.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
    return e;
  }

  @Test
  void missingOrBadValuesAreOneClearErrorWithExitCode2() throws IOException {
    Map<String, String> env = env("pull_request", "event-pull_request.json");
    env.remove("GITHUB_REPOSITORY");
    assertThat(failure(env).getMessage())
        .isEqualTo(
            "GITHUB_REPOSITORY is not set: sizebot's GitHub mode runs inside GitHub Actions,"
                + " which sets it (locally, use sizebot compare)");
    env.put("GITHUB_REPOSITORY", "octo");
    assertThat(failure(env).getMessage())
        .isEqualTo(
            "GITHUB_REPOSITORY='octo' is not owner/name: set it to the repository, e.g. octo/app");
    env.put("GITHUB_REPOSITORY", "octo/app");
    env.put("GITHUB_API_URL", "ghe.example");
    assertThat(failure(env).getMessage()).startsWith("GITHUB_API_URL='ghe.example' is not an");
    env.remove("GITHUB_API_URL");
    env.put("GITHUB_EVENT_NAME", "issues");
    assertThat(failure(env).getMessage()).startsWith("GITHUB_EVENT_NAME=issues is not supported");
    env.put("GITHUB_EVENT_NAME", "workflow_run");
    assertThat(failure(env).getMessage())
        .isEqualTo(
            "event payload "
                + dir.resolve("event.json")
                + ": workflow_run.pull_requests is missing: is GITHUB_EVENT_NAME right for this"
                + " payload?");
    env.put("GITHUB_EVENT_PATH", dir.resolve("absent.json").toString());
    assertThat(failure(env).getMessage())
        .startsWith("GITHUB_EVENT_PATH=" + dir.resolve("absent.json") + ": cannot read");
  }

  @Test
  void withoutATokenPublishingIsRefusedClearly() throws IOException {
    Map<String, String> env = env("pull_request", "event-pull_request.json");
    env.remove("GITHUB_TOKEN");
    ActionsContext context = ActionsContext.fromEnv(env);

    SizebotException e = catchThrowableOfType(SizebotException.class, context::requireToken);

    assertThat(e.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(e.getMessage()).startsWith("no GitHub token: pass the github_token input");
  }
}
