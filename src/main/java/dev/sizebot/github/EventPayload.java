package dev.sizebot.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sizebot.common.SizebotException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads the event payload at GITHUB_EVENT_PATH into an {@link Event}. */
final class EventPayload {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path path;
  private final JsonNode root;

  private EventPayload(Path path, JsonNode root) {
    this.path = path;
    this.root = root;
  }

  static Event read(String eventName, Path path, String githubSha) {
    JsonNode root;
    try {
      root = JSON.readTree(path.toFile());
    } catch (IOException e) {
      throw SizebotException.invalidInput(
          "GITHUB_EVENT_PATH="
              + path
              + ": cannot read the event payload ("
              + e.getMessage()
              + "): run inside GitHub Actions or point it at a webhook payload JSON file",
          e);
    }
    if (root == null || !root.isObject()) {
      throw SizebotException.invalidInput(
          "GITHUB_EVENT_PATH=" + path + ": the event payload is not a JSON object");
    }
    return new EventPayload(path, root).event(eventName, githubSha);
  }

  private Event event(String eventName, String githubSha) {
    return switch (eventName) {
      case "pull_request", "pull_request_target" -> pullRequest();
      case "workflow_run" -> workflowRun();
      case "push" -> new Event.Push(text("ref"), text("before"), text("after"));
      case "schedule" -> new Event.Schedule(root.path("schedule").asText(""), githubSha);
      case "workflow_dispatch" -> new Event.Dispatch(text("ref"), githubSha);
      default ->
          throw SizebotException.invalidInput(
              "GITHUB_EVENT_NAME="
                  + eventName
                  + " is not supported: run sizebot on pull_request, pull_request_target,"
                  + " workflow_run, push, schedule or workflow_dispatch");
    };
  }

  private Event.PullRequest pullRequest() {
    return new Event.PullRequest(
        number("pull_request.number"),
        optionalText("pull_request.title").orElse(""),
        text("pull_request.head.sha"),
        text("pull_request.base.sha"),
        text("pull_request.head.ref"),
        text("pull_request.base.ref"),
        optionalText("pull_request.head.repo.full_name"),
        text("pull_request.base.repo.full_name"),
        strings(node("pull_request.labels"), "name"));
  }

  private Event.WorkflowRun workflowRun() {
    List<Integer> prs = new ArrayList<>();
    for (JsonNode pr : node("workflow_run.pull_requests")) {
      prs.add(pr.path("number").asInt());
    }
    return new Event.WorkflowRun(
        node("workflow_run.id").asLong(),
        text("workflow_run.event"),
        text("workflow_run.head_sha"),
        text("workflow_run.head_branch"),
        optionalText("workflow_run.head_repository.full_name"),
        prs);
  }

  private JsonNode node(String dotted) {
    JsonNode node = root;
    for (String key : dotted.split("\\.")) {
      node = node.path(key);
    }
    if (node.isMissingNode() || node.isNull()) {
      throw SizebotException.invalidInput(
          "event payload "
              + path
              + ": "
              + dotted
              + " is missing: is GITHUB_EVENT_NAME right for this payload?");
    }
    return node;
  }

  private String text(String dotted) {
    JsonNode node = node(dotted);
    if (!node.isTextual() || node.asText().isEmpty()) {
      throw SizebotException.invalidInput(
          "event payload " + path + ": " + dotted + " is not a non-empty string");
    }
    return node.asText();
  }

  private Optional<String> optionalText(String dotted) {
    JsonNode node = root;
    for (String key : dotted.split("\\.")) {
      node = node.path(key);
    }
    return node.isTextual() ? Optional.of(node.asText()) : Optional.empty();
  }

  private int number(String dotted) {
    JsonNode node = node(dotted);
    if (!node.canConvertToInt() || node.asInt() <= 0) {
      throw SizebotException.invalidInput(
          "event payload " + path + ": " + dotted + " is not a positive number");
    }
    return node.asInt();
  }

  private static List<String> strings(JsonNode array, String field) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.path(field).asText()));
    return out;
  }
}
