package dev.sizebot.diff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sizebot.image.ImageConfig;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConfigDiffTest {
  private static ImageConfig config(
      List<String> env,
      String user,
      List<String> cmd,
      List<String> ports,
      Map<String, String> labels,
      Optional<ImageConfig.Healthcheck> health) {
    return new ImageConfig(
        "linux",
        "amd64",
        Optional.empty(),
        env,
        user,
        "/app",
        List.of(),
        cmd,
        ports,
        health,
        labels);
  }

  private static List<String> rows(List<ConfigChange> changes) {
    return changes.stream()
        .map(
            c ->
                c.field()
                    + " "
                    + c.key().orElse("")
                    + ": "
                    + c.base().orElse("∅")
                    + " → "
                    + c.head().orElse("∅"))
        .toList();
  }

  @Test
  void reportsEveryChangedRuntimeSettingInAFixedOrder() {
    var health =
        new ImageConfig.Healthcheck(
            List.of("CMD-SHELL", "wget -q localhost"),
            Optional.of(Duration.ofSeconds(5)),
            Optional.empty(),
            Optional.empty(),
            3);
    var base =
        config(
            List.of("PATH=/bin", "A=1", "GONE=x"),
            "",
            List.of("sh"),
            List.of("80/tcp"),
            Map.of("b", "1", "a", "1"),
            Optional.empty());
    var head =
        config(
            List.of("PATH=/bin", "A=2", "NEW=y"),
            "app",
            List.of("httpd", "-f"),
            List.of("8080/tcp"),
            Map.of("a", "1", "b", "2"),
            Optional.of(health));

    assertThat(rows(ConfigDiff.between(base, head)))
        .containsExactly(
            "env A: 1 → 2",
            "env GONE: x → ∅",
            "env NEW: ∅ → y",
            "user : ∅ → app",
            "cmd : [\"sh\"] → [\"httpd\",\"-f\"]",
            "port 80/tcp: 80/tcp → ∅",
            "port 8080/tcp: ∅ → 8080/tcp",
            "healthcheck : ∅ → [\"CMD-SHELL\",\"wget -q localhost\"] interval=5s retries=3",
            "label b: 1 → 2");
  }

  @Test
  void identicalConfigsHaveNoChanges() {
    var c = config(List.of("A=1"), "x", List.of(), List.of(), Map.of(), Optional.empty());
    assertThat(ConfigDiff.between(c, c)).isEmpty();
  }
}
