package dev.sizebot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.sizebot.config.ActionInputs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The workflows (this repository's and the examples') and action.yml keep the invariants README's
 * "Permissions" and "Security" sections promise.
 */
class ActionFilesTest {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private static List<Path> workflows(String dir) throws IOException {
    try (Stream<Path> files = Files.list(Path.of(dir))) {
      return files.filter(f -> f.toString().endsWith(".yml")).sorted().toList();
    }
  }

  private static List<Path> workflows() throws IOException {
    List<Path> all = new ArrayList<>(workflows(".github/workflows"));
    all.addAll(workflows("examples/workflows"));
    return all;
  }

  /** Each job of a workflow with the permissions it runs with (its own, else the workflow's). */
  private record Job(Path workflow, String name, JsonNode permissions, JsonNode steps) {
    List<JsonNode> uses(String action) {
      List<JsonNode> found = new ArrayList<>();
      for (JsonNode step : steps) {
        if (step.path("uses").asText().startsWith(action + "@")) {
          found.add(step);
        }
      }
      return found;
    }

    boolean canWrite() {
      List<String> values = new ArrayList<>();
      permissions.elements().forEachRemaining(v -> values.add(v.asText()));
      return permissions.isTextual()
          ? !permissions.asText().equals("read-all")
          : values.contains("write");
    }

    /** A job that posts what other jobs measured: publish or merge. */
    boolean postsReports() {
      for (JsonNode step : steps) {
        String mode = step.path("with").path("mode").asText();
        if (mode.equals("publish")
            || mode.equals("merge")
            || step.path("run").asText().contains("sizebot merge")) {
          return true;
        }
      }
      return false;
    }

    boolean publishesNothing() {
      for (JsonNode step : steps) {
        if (step.path("env").path("SIZEBOT_PUBLISH").asText().equals("false")) {
          return true;
        }
      }
      return false;
    }
  }

  private static List<Job> jobs() throws IOException {
    List<Job> jobs = new ArrayList<>();
    for (Path workflow : workflows()) {
      JsonNode tree = YAML.readTree(workflow.toFile());
      for (Map.Entry<String, JsonNode> job : iterable(tree.path("jobs").fields())) {
        JsonNode own = job.getValue().path("permissions");
        jobs.add(
            new Job(
                workflow,
                job.getKey(),
                own.isMissingNode() ? tree.path("permissions") : own,
                job.getValue().path("steps")));
      }
    }
    return jobs;
  }

  private static <T> Iterable<T> iterable(java.util.Iterator<T> iterator) {
    return () -> iterator;
  }

  @Test
  void everyWorkflowDeclaresTopLevelPermissionsAndNoneUsesPullRequestTarget() throws IOException {
    assertThat(workflows(".github/workflows")).hasSizeGreaterThanOrEqualTo(5);
    assertThat(workflows("examples/workflows")).isNotEmpty();
    for (Path workflow : workflows()) {
      JsonNode tree = YAML.readTree(workflow.toFile());
      assertThat(tree.has("permissions")).as(workflow + " has permissions").isTrue();
      assertThat(tree.path("on").has("pull_request_target")).as(workflow.toString()).isFalse();
      // The PR's head is only ever checked out by a pull_request run, which gets a fork's
      // read-only token; no workflow names it to check it out elsewhere.
      assertThat(Files.readString(workflow))
          .as(workflow.toString())
          .doesNotContain("head_sha")
          .doesNotContain("head.sha")
          .doesNotContain("head.ref")
          .doesNotContain("head_branch");
    }
  }

  @Test
  void aJobThatMeasuresWithoutPublishingCanWriteNothing() throws IOException {
    List<Job> measuring = jobs().stream().filter(Job::publishesNothing).toList();
    assertThat(measuring).extracting(Job::name).contains("measure");
    for (Job job : measuring) {
      assertThat(job.canWrite()).as(job.workflow() + " job " + job.name()).isFalse();
    }
  }

  @Test
  void aJobThatPostsReportsNeverChecksOutThePullRequestsCode() throws IOException {
    List<Job> posting = jobs().stream().filter(Job::postsReports).toList();
    assertThat(posting).extracting(Job::name).containsExactlyInAnyOrder("publish", "merge");
    for (Job job : posting) {
      assertThat(job.canWrite()).as(job.workflow() + " job " + job.name()).isTrue();
      for (JsonNode checkout : job.uses("actions/checkout")) {
        assertThat(checkout.path("with").path("repository").asText())
            .as(job.workflow() + " job " + job.name() + " checks out only sizebot itself")
            .isEqualTo("sizebot/sizebot");
      }
    }
  }

  @Test
  void thePublishWorkflowNeverChecksOutCode() throws IOException {
    String text = Files.readString(Path.of(".github/workflows/sizebot-publish.yml"));
    assertThat(text).doesNotContain("actions/checkout").doesNotContain("head_sha");
    JsonNode tree = YAML.readTree(text);
    assertThat(tree.path("on").has("workflow_run")).isTrue();
  }

  @Test
  void actionInputsAreTheOnesSizebotReads() throws IOException {
    JsonNode action = YAML.readTree(Path.of("action.yml").toFile());
    List<String> inputs = new ArrayList<>();
    action.path("inputs").fieldNames().forEachRemaining(inputs::add);
    assertThat(inputs).isEqualTo(ActionInputs.NAMES);
    assertThat(action.path("runs").path("using").asText()).isEqualTo("docker");
  }
}
