package dev.sizebot.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sizebot.common.ByteSize;
import dev.sizebot.common.ExitCode;
import dev.sizebot.common.SizebotException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ConfigFileTest {
  private static final String FILE = ".github/sizebot.yml";

  @Test
  void theReadmesExampleNamesEveryKeyTheFileKnows() throws java.io.IOException {
    String readme = java.nio.file.Files.readString(java.nio.file.Path.of("README.md"));
    String section = readme.substring(readme.indexOf("\n### Configuration file\n"));
    int start = section.indexOf("```yaml\n") + "```yaml\n".length();
    String example = section.substring(start, section.indexOf("```\n", start));
    assertThat(ConfigFile.parse("README.md", example).images()).hasSize(1);
    Stream.of(
            ConfigFile.TOP,
            ConfigFile.RULES,
            ConfigFile.COMMENT,
            ConfigFile.ENABLED,
            ImageSection.IMAGE,
            ImageSection.STARTUP,
            ImageSection.BUDGET)
        .flatMap(List::stream)
        .forEach(
            key -> assertThat(example).as("README's example names " + key).contains(key + ":"));
  }

  @Test
  void designsExampleReadsIntoEveryField() {
    SizebotConfig config =
        ConfigFile.parse(
            FILE,
            """
            images:
              - name: api
                context: .
                dockerfile: docker/api.Dockerfile
                target: runtime
                build-args: { PYTHON_VERSION: "3.13", WORKERS: 4 }
                platform: linux/amd64
                startup: { probe: "http://:8000/health", runs: 3, timeout: 1m30s }
                budget: { max-size: 300MB, max-increase: 20 MiB, max-increase-percent: 5, warn-increase: 1.5GB, warn-increase-percent: 2.5%, noise-floor: 10kB }
              - name: worker
                context: services/worker
            rules: { ignore: [SB104, sb201] }
            comment: { mode: recreate, override-label: size-ok }
            check: { enabled: false }
            suggestions: { enabled: true }
            """);
    ImageConfig api = config.images().get(0);
    assertThat(api.name()).isEqualTo("api");
    assertThat(api.dockerfile()).isEqualTo("docker/api.Dockerfile");
    assertThat(api.target()).contains("runtime");
    assertThat(api.buildArgs()).isEqualTo(Map.of("PYTHON_VERSION", "3.13", "WORKERS", "4"));
    assertThat(api.platform()).contains("linux/amd64");
    assertThat(api.startup().orElseThrow().probe()).hasToString("http://:8000/health");
    assertThat(api.startup().orElseThrow().runs()).isEqualTo(3);
    assertThat(api.startup().orElseThrow().timeout()).isEqualTo(Duration.ofSeconds(90));
    assertThat(api.budget())
        .isEqualTo(
            new Budget(
                Optional.of(ByteSize.of(300_000_000)),
                Optional.of(ByteSize.of(20 * 1024 * 1024)),
                Optional.of(5.0),
                Optional.of(ByteSize.of(1_500_000_000)),
                Optional.of(2.5),
                Optional.of(ByteSize.of(10_000))));
    ImageConfig worker = config.images().get(1);
    assertThat(worker.dockerfile()).isEqualTo("services/worker/Dockerfile");
    assertThat(worker.startup()).isEmpty();
    assertThat(worker.budget()).isEqualTo(Budget.NONE);
    assertThat(config.ignoredRules()).isEqualTo(List.of("SB104", "SB201"));
    assertThat(config.comment())
        .isEqualTo(new CommentConfig(CommentConfig.Mode.RECREATE, Optional.of("size-ok")));
    assertThat(config.check()).isFalse();
    assertThat(config.suggestions()).isTrue();
  }

  @Test
  void leftOutSectionsTakeTheirDefaults() {
    SizebotConfig config = ConfigFile.parse(FILE, "images:\n  - name: app\n");
    assertThat(config.images()).containsExactly(ImageConfig.named("app"));
    assertThat(config.comment()).isEqualTo(CommentConfig.DEFAULT);
    assertThat(config.check()).isTrue();
    assertThat(config.suggestions()).isTrue();
    assertThat(config.ignoredRules()).isEmpty();
  }

  @Test
  void commentModeOffIsReadAsTheModeThoughYamlCallsItFalse() {
    SizebotConfig config = ConfigFile.parse(FILE, "images: [{name: app}]\ncomment: {mode: off}\n");
    assertThat(config.comment().mode()).isEqualTo(CommentConfig.Mode.OFF);
  }

  /** Each error class: the YAML, then the one line a user sees. */
  static Stream<Arguments> badConfigurations() {
    return Stream.of(
        Arguments.of(
            "unknown top-level key",
            "imgaes: []",
            ".github/sizebot.yml:1:1: : unknown key 'imgaes' (did you mean 'images'?); allowed: images, rules, comment, check, suggestions"),
        Arguments.of(
            "unknown image key with a did-you-mean",
            "images:\n  - name: api\n    dockerfle: x",
            ".github/sizebot.yml:3:5: images[0]: unknown key 'dockerfle' (did you mean 'dockerfile'?); allowed: name, context, dockerfile, target, build-args, platform, startup, budget"),
        Arguments.of(
            "unknown key nothing is near",
            "images:\n  - name: api\n    budget: {colour: red}",
            ".github/sizebot.yml:3:14: images[0].budget: unknown key 'colour'; allowed: max-size, max-increase, max-increase-percent, warn-increase, warn-increase-percent, noise-floor"),
        Arguments.of(
            "bad size",
            "images:\n  - name: api\n    budget:\n      max-size: 300 MBs",
            ".github/sizebot.yml:4:17: images[0].budget.max-size: '300 MBs' is not valid (e.g. 300MB, 20 MiB, 1.5GB, 500kB, or bytes)"),
        Arguments.of(
            "bad duration",
            "images:\n  - name: api\n    startup: {probe: exit, timeout: soon}",
            ".github/sizebot.yml:3:37: images[0].startup.timeout: 'soon' is not valid (e.g. 60s, 2m, 1m30s, 500ms)"),
        Arguments.of(
            "bad comment mode",
            "images: [{name: api}]\ncomment:\n  mode: sticky",
            ".github/sizebot.yml:3:9: comment.mode: is 'sticky', want one of update, recreate, off"),
        Arguments.of(
            "bad probe",
            "images:\n  - name: api\n    startup: {probe: 'ftp://:21'}",
            ".github/sizebot.yml:3:22: images[0].startup.probe: bad startup probe 'ftp://:21': scheme must be http or tcp, not ftp; use one of healthcheck, http://:PORT/PATH, tcp://:PORT, log:REGEX, exit (e.g. http://:8000/health)"),
        Arguments.of(
            "wrong type: a string for a list",
            "images: api",
            ".github/sizebot.yml:1:9: images: is a string, want a list"),
        Arguments.of(
            "wrong type: a list for a value",
            "images:\n  - name: [a, b]",
            ".github/sizebot.yml:2:11: images[0].name: is a list, want a single value"),
        Arguments.of(
            "wrong type: a string for a boolean",
            "images: [{name: api}]\ncheck: {enabled: maybe}",
            ".github/sizebot.yml:2:18: check.enabled: is 'maybe', want true or false"),
        Arguments.of(
            "wrong type: runs not a whole number",
            "images:\n  - name: api\n    startup: {probe: exit, runs: 2.5}",
            ".github/sizebot.yml:3:34: images[0].startup.runs: is '2.5', want a whole number of at least 1"),
        Arguments.of(
            "duplicate image names",
            "images:\n  - name: api\n  - name: api",
            ".github/sizebot.yml:3:5: images[1]: duplicate image name 'api' (also images[0] at line 2): give each image its own name"),
        Arguments.of(
            "duplicate keys",
            "images:\n  - name: api\n    name: web",
            ".github/sizebot.yml:3:5: duplicate key 'name' (first at line 2): keep one of them"),
        Arguments.of(
            "empty images list",
            "images: []",
            ".github/sizebot.yml:1:9: images: is an empty list, want at least one image (each with a name)"),
        Arguments.of(
            "missing images",
            "rules: {ignore: [SB101]}",
            ".github/sizebot.yml:1:1: : missing key 'images' (a list of images)"),
        Arguments.of(
            "missing name",
            "images:\n  - context: web",
            ".github/sizebot.yml:2:5: images[0]: missing key 'name' (e.g. name: api)"),
        Arguments.of(
            "bad rule id",
            "images: [{name: api}]\nrules: {ignore: [no-apt]}",
            ".github/sizebot.yml:2:18: rules.ignore[0]: 'no-apt' is not a rule id (want e.g. SB104)"),
        Arguments.of(
            "bad platform",
            "images:\n  - name: api\n    platform: amd64",
            ".github/sizebot.yml:3:15: images[0].platform: 'amd64' is not a platform (want os/arch, e.g. linux/amd64)"),
        Arguments.of(
            "YAML syntax error",
            "images:\n  - name: api\n   context: [unclosed",
            ".github/sizebot.yml:3:4: not valid YAML: expected <block end>, but found '<block mapping start>' (fix the YAML syntax)"),
        Arguments.of(
            "empty file",
            "",
            ".github/sizebot.yml: is empty; it needs at least 'images:' with one image"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badConfigurations")
  void badConfigurationFailsWithOneLineNamingFileLineKeyAndWhatIsAllowed(
      String errorClass, String yaml, String message) {
    assertThatThrownBy(() -> ConfigFile.parse(FILE, yaml))
        .isInstanceOfSatisfying(
            SizebotException.class,
            e -> {
              assertThat(e.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
              assertThat(e.getMessage()).isEqualTo(message);
            });
  }
}
