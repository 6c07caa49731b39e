package dev.sizebot.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sizebot.common.ByteSize;
import dev.sizebot.common.SizebotException;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ActionInputsTest {
  @Test
  void inputsFromTheEnvironmentDescribeOneImage() {
    ActionInputs inputs =
        ActionInputs.fromEnvironment(
            Map.of(
                "INPUT_DOCKERFILE", "docker/api.Dockerfile",
                "INPUT_BUILD_ARGS", "A=1\nB=x=y\n",
                "INPUT_MAX_SIZE", "300MB",
                "INPUT_MAX_INCREASE_PERCENT", "5",
                "INPUT_STARTUP_PROBE", "tcp://:80",
                "INPUT_STARTUP_RUNS", "3",
                "INPUT_COMMENT_MODE", "off",
                "INPUT_CHECK", "false",
                "INPUT_TARGET", "",
                "HOME", "/root"));
    SizebotConfig config = inputs.toConfig();
    ImageConfig image = config.images().get(0);
    assertThat(image.name()).isEqualTo("api.Dockerfile");
    assertThat(image.target()).isEmpty();
    assertThat(image.buildArgs()).isEqualTo(Map.of("A", "1", "B", "x=y"));
    assertThat(image.budget().maxSize()).contains(ByteSize.of(300_000_000));
    assertThat(image.budget().maxIncreasePercent()).contains(5.0);
    assertThat(image.startup().orElseThrow().runs()).isEqualTo(3);
    assertThat(config.comment().mode()).isEqualTo(CommentConfig.Mode.OFF);
    assertThat(config.check()).isFalse();
    assertThat(inputs.mode()).isEqualTo(RunMode.PR);
  }

  @Test
  void badInputsFailNamingTheInput() {
    assertThatThrownBy(() -> ActionInputs.of(Map.of("max_size", "big")).toConfig())
        .isInstanceOf(SizebotException.class)
        .hasMessage(
            "action input 'max_size': 'big' is not valid (e.g. 300MB, 20 MiB, 1.5GB, 500kB, or"
                + " bytes)");
    assertThatThrownBy(() -> ActionInputs.of(Map.of("max_sise", "1MB")))
        .hasMessageStartingWith(
            "action input 'max_sise': unknown key 'max_sise' (did you mean 'max_size'?)");
    assertThatThrownBy(() -> ActionInputs.of(Map.of("mode", "combine")).mode())
        .hasMessage(
            "action input 'mode': 'combine' is not a mode; want one of pr, publish, merge, audit");
  }

  @Test
  void imageInputsConflictWithAConfigFileButRunWideOnesOverrideIt() {
    SizebotConfig file = ConfigFile.parse("f.yml", "images: [{name: api}]\n");
    assertThatThrownBy(() -> ActionInputs.of(Map.of("target", "x")).overlay("f.yml", file))
        .hasMessage(
            "action input 'target' describes one image, but f.yml lists the images: set it there"
                + " (or leave the input out)");
    SizebotConfig overlaid = ActionInputs.of(Map.of("suggestions", "false")).overlay("f.yml", file);
    assertThat(overlaid.suggestions()).isFalse();
    assertThat(overlaid.comment()).isEqualTo(CommentConfig.DEFAULT);
    assertThat(overlaid.images().get(0).budget().maxSize()).isEqualTo(Optional.empty());
  }
}
