package dev.sizebot.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sizebot.common.SizebotException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.kohsuke.github.HttpException;

/**
 * Turns what github-api throws into the one line a user reads (exit 4). The response's own {@code
 * message} (GitHub's REST error body: {@code message}, {@code errors[]}) is quoted because it is
 * usually the precise reason. Nothing here can contain the token: it travels only in a header.
 */
final class GitHubFailure {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The two-phase workflow, explained where a fork's read-only token is refused. */
  static final String FORK_ADVICE =
      "a pull request from a fork gets a read-only token, so sizebot cannot publish from its"
          + " pull_request run: measure there with `sizebot pr --publish=false` and upload"
          + " report.json as an artifact, then publish it from a workflow_run workflow with"
          + " `sizebot publish report.json` (README: fork-safe workflow)";

  private GitHubFailure() {}

  static SizebotException of(GitHubAction action, IOException e, boolean fork) {
    int status = status(e);
    String reason = reason(e);
    String message =
        switch (status) {
          case 401 ->
              "GitHub rejected the token (401"
                  + reason
                  + ") while trying to "
                  + action.doing()
                  + ": check the github_token input or GITHUB_TOKEN";
          case 403, 429 -> forbidden(action, status, reason, fork);
          case 404 ->
              "GitHub answered 404 Not Found while trying to "
                  + action.doing()
                  + ": check GITHUB_REPOSITORY, the pull request number and that the token can"
                  + " see the repository";
          case 422 -> "GitHub rejected the request to " + action.doing() + " (422" + reason + ")";
          case -1 ->
              "could not reach GitHub to "
                  + action.doing()
                  + " ("
                  + e.getClass().getSimpleName()
                  + ": "
                  + e.getMessage()
                  + "): check GITHUB_API_URL and the network";
          default ->
              "GitHub failed to "
                  + action.doing()
                  + " ("
                  + status
                  + reason
                  + ") after retrying: re-run the job later";
        };
    return SizebotException.publish(message, e);
  }

  private static String forbidden(GitHubAction action, int status, String reason, boolean fork) {
    if (status == 429 || reason.matches("(?is).*(rate limit|abuse limit).*")) {
      return "GitHub's rate limit stopped sizebot from trying to "
          + action.doing()
          + " ("
          + status
          + reason
          + ") after retrying: re-run the job later";
    }
    if (fork) {
      return "GitHub refused to let sizebot "
          + action.doing()
          + " (403"
          + reason
          + "): "
          + FORK_ADVICE;
    }
    return "the token may not "
        + action.doing()
        + " (403"
        + reason
        + "): give the workflow `permissions: "
        + action.permission()
        + "`";
  }

  /** The HTTP status, or -1 when GitHub was not reached at all. */
  static int status(IOException e) {
    if (e instanceof HttpException h && h.getResponseCode() > 0) {
      return h.getResponseCode();
    }
    return e instanceof FileNotFoundException ? 404 : -1;
  }

  /** ": message; error, error" from the REST error body inside the exception, or "". */
  private static String reason(IOException e) {
    String text = e.getMessage() == null ? "" : e.getMessage();
    int start = text.indexOf('{');
    if (start < 0) {
      return "";
    }
    try {
      JsonNode body = JSON.readTree(text.substring(start));
      List<String> parts = new ArrayList<>();
      if (body.path("message").isTextual()) {
        parts.add(body.path("message").asText());
      }
      for (JsonNode error : body.path("errors")) {
        parts.add(
            error.isTextual()
                ? error.asText()
                : error.path("message").asText(error.path("code").asText("")));
      }
      parts.removeIf(String::isBlank);
      return parts.isEmpty() ? "" : ": " + String.join("; ", parts);
    } catch (IOException notJson) {
      return "";
    }
  }
}
