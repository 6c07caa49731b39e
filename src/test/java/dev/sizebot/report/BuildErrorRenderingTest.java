package dev.sizebot.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sizebot.dockerfile.Dockerfile;
import dev.sizebot.rules.LintInput;
import dev.sizebot.rules.LintResult;
import dev.sizebot.rules.RuleSet;
import java.io.IOException;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A finding at part of a line (SB300 on an unknown flag) carries its columns in JSON and SARIF. */
class BuildErrorRenderingTest {
  private static final String DOCKERFILE = "FROM alpine:3.20\nCOPY --user=app src/ /app/\n";

  private static LintResult lint() {
    return RuleSet.standard()
        .lint(LintInput.of(Dockerfile.parse(DOCKERFILE, "Dockerfile")), "Dockerfile", Set.of());
  }

  private static JsonNode sb300(JsonNode findings, String idField) {
    for (JsonNode f : findings) {
      if (f.get(idField).asText().equals("SB300")) {
        return f;
      }
    }
    throw new AssertionError("no SB300 in " + findings);
  }

  @Test
  void jsonGivesTheFlagsColumnsBesideItsLine() throws IOException {
    JsonNode finding =
        sb300(new ObjectMapper().readTree(LintJson.render(lint())).get("findings"), "ruleId");
    assertThat(finding.get("severity").asText()).isEqualTo("error");
    assertThat(finding.get("lines").toString())
        .isEqualTo("{\"start\":2,\"end\":2,\"startColumn\":6,\"endColumn\":12}");
  }

  @Test
  void sarifGivesARegionWithExclusiveEndColumn() throws IOException {
    JsonNode results =
        new ObjectMapper().readTree(Sarif.render(lint(), "test")).at("/runs/0/results");
    JsonNode finding = sb300(results, "ruleId");
    assertThat(finding.get("level").asText()).isEqualTo("error");
    assertThat(finding.at("/locations/0/physicalLocation/region").toString())
        .isEqualTo("{\"startLine\":2,\"startColumn\":6,\"endLine\":2,\"endColumn\":12}");
  }

  @Test
  void aWholeLineFindingStillHasNoColumns() throws IOException {
    JsonNode results =
        new ObjectMapper().readTree(Sarif.render(lint(), "test")).at("/runs/0/results");
    for (JsonNode r : results) {
      if (!r.get("ruleId").asText().equals("SB300")) {
        assertThat(r.at("/locations/0/physicalLocation/region").has("startColumn")).isFalse();
      }
    }
    assertThat(results.size()).isGreaterThan(1);
  }
}
