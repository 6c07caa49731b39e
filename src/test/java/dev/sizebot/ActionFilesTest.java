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
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The workflows and action.yml keep the invariants README's "Action" section promises. */
class ActionFilesTest {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private static List<Path> workflows() throws IOException {
    try (Stream<Path> files = Files.list(Path.of(".github/workflows"))) {
      return files.filter(f -> f.toString().endsWith(".yml")).sorted().toList();
    }
  }

  @Test
  void everyWorkflowDeclaresTopLevelPermissionsAndNoneUsesPullRequestTarget() throws IOException {
    List<Path> workflows = workflows();
    assertThat(workflows).hasSizeGreaterThanOrEqualTo(5);
    for (Path workflow : workflows) {
      JsonNode tree = YAML.readTree(workflow.toFile());
      assertThat(tree.has("permissions")).as(workflow + " has permissions").isTrue();
      assertThat(tree.path("on").has("pull_request_target")).as(workflow.toString()).isFalse();
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
  void actionInputsAreTheOnesSizebotReadsAndEachIsInTheReadme() throws IOException {
    JsonNode action = YAML.readTree(Path.of("action.yml").toFile());
    List<String> inputs = new ArrayList<>();
    action.path("inputs").fieldNames().forEachRemaining(inputs::add);
    assertThat(inputs).isEqualTo(ActionInputs.NAMES);
    String readme = Files.readString(Path.of("README.md"));
    for (String input : inputs) {
      assertThat(readme).as("README documents input " + input).contains("| `" + input + "` |");
    }
    assertThat(action.path("runs").path("using").asText()).isEqualTo("docker");
  }
}
