package dev.sizebot.github;

import dev.sizebot.common.SizebotException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * What a GitHub Actions run tells sizebot through its environment (see GitHub's "Variables"
 * reference): the repository, API endpoint (GitHub Enterprise Server: {@code https://HOST/api/v3}),
 * token, event, and the step's summary and output files. Built from a map so that only {@code cli}
 * reads the real environment.
 */
public record ActionsContext(
    RepoName repository,
    URI apiUrl,
    Optional<Token> token,
    String eventName,
    Event event,
    Optional<Path> stepSummary,
    Optional<Path> outputFile,
    Optional<String> runUrl) {

  static final String PUBLIC_API = "https://api.github.com";

  public static ActionsContext fromEnv(Map<String, String> env) {
    String eventName = required(env, "GITHUB_EVENT_NAME");
    Path eventPath = Path.of(required(env, "GITHUB_EVENT_PATH"));
    RepoName repo = RepoName.parse(required(env, "GITHUB_REPOSITORY"), "GITHUB_REPOSITORY");
    String sha = value(env, "GITHUB_SHA").orElse("");
    Event event = EventPayload.read(eventName, eventPath, sha);
    return new ActionsContext(
        repo,
        apiUrl(value(env, "GITHUB_API_URL").orElse(PUBLIC_API)),
        value(env, "INPUT_GITHUB_TOKEN").or(() -> value(env, "GITHUB_TOKEN")).map(Token::new),
        eventName,
        event,
        value(env, "GITHUB_STEP_SUMMARY").map(Path::of),
        value(env, "GITHUB_OUTPUT").map(Path::of),
        runUrl(env, repo));
  }

  /** The pull request this run is about, if it was started by one. */
  public Optional<Event.PullRequest> pullRequest() {
    return event instanceof Event.PullRequest pr ? Optional.of(pr) : Optional.empty();
  }

  /** True when the run is for a PR from a fork, whose token is read-only. */
  public boolean fork() {
    return pullRequest().map(Event.PullRequest::fork).orElse(false);
  }

  /** The token, or one clear error when a publish step needs one and none was given. */
  public Token requireToken() {
    return token.orElseThrow(
        () ->
            SizebotException.invalidInput(
                "no GitHub token: pass the github_token input (INPUT_GITHUB_TOKEN) or set"
                    + " GITHUB_TOKEN, e.g. env: GITHUB_TOKEN: ${{ secrets.GITHUB_TOKEN }}"));
  }

  private static URI apiUrl(String value) {
    try {
      URI uri = new URI(value.replaceAll("/+$", ""));
      if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))
          || uri.getHost() == null) {
        throw new URISyntaxException(value, "not an http(s) URL with a host");
      }
      return uri;
    } catch (URISyntaxException e) {
      throw SizebotException.invalidInput(
          "GITHUB_API_URL='"
              + value
              + "' is not an http(s) URL: use https://api.github.com or, on GitHub Enterprise"
              + " Server, https://HOST/api/v3",
          e);
    }
  }

  private static Optional<String> runUrl(Map<String, String> env, RepoName repo) {
    return value(env, "GITHUB_SERVER_URL")
        .flatMap(
            server ->
                value(env, "GITHUB_RUN_ID")
                    .map(id -> server.replaceAll("/+$", "") + "/" + repo + "/actions/runs/" + id));
  }

  private static Optional<String> value(Map<String, String> env, String name) {
    return Optional.ofNullable(env.get(name)).map(String::strip).filter(v -> !v.isEmpty());
  }

  private static String required(Map<String, String> env, String name) {
    return value(env, name)
        .orElseThrow(
            () ->
                SizebotException.invalidInput(
                    name
                        + " is not set: sizebot's GitHub mode runs inside GitHub Actions, which"
                        + " sets it (locally, use sizebot compare)"));
  }
}
