package dev.sizebot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sizebot.config.ConfigFile;
import dev.sizebot.config.ImageConfig;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EngineMeasurerTest {
  @Test
  void aConfiguredImageBecomesTheCompareOptionsItStandsFor() {
    ImageConfig api =
        ConfigFile.parse(
                ".github/sizebot.yml",
                String.join(
                    "\n",
                    "images:",
                    "  - name: api",
                    "    context: services/api",
                    "    dockerfile: docker/api.Dockerfile",
                    "    target: runtime",
                    "    build-args: { PYTHON_VERSION: \"3.13\" }",
                    "    platform: linux/arm64",
                    "    startup: { probe: \"http://:8000/health\", runs: 3, timeout: 90s }",
                    ""))
            .images()
            .get(0);
    Path workspace = Path.of("/github/workspace");
    CommandLineStub main = new CommandLineStub();

    CompareCommand o =
        new EngineMeasurer(main.main, new PrintWriter(new StringWriter()), List.of(), workspace)
            .options(api);

    assertThat(o.context).isEqualTo(Path.of("/github/workspace/services/api"));
    assertThat(o.dockerfile).contains(Path.of("/github/workspace/docker/api.Dockerfile"));
    assertThat(o.target).contains("runtime");
    assertThat(o.buildArgs).isEqualTo(Map.of("PYTHON_VERSION", "3.13"));
    assertThat(o.platform).isEqualTo(Optional.of("linux/arm64"));
    assertThat(o.startup).contains("http://:8000/health");
    assertThat(o.runs).isEqualTo(3);
    assertThat(o.startupTimeout).isEqualTo(Duration.ofSeconds(90));
  }

  /** The Main a command tree makes, as the GitHub jobs get it. */
  private static final class CommandLineStub {
    final Main main =
        (Main)
            Main.commandLine(
                    new PrintWriter(new StringWriter()),
                    new PrintWriter(new StringWriter()),
                    dev.sizebot.image.ReadLimits.DEFAULT,
                    Map.of())
                .getCommand();
  }
}
