package dev.sizebot.cli;

import dev.sizebot.config.ActionInputs;
import dev.sizebot.config.ConfigFile;
import dev.sizebot.config.SizebotConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The configuration a GitHub job runs with: {@code --config}, else the {@code config} input, else
 * {@code .github/sizebot.yml} when the repository has one (each overlaid by the inputs that are not
 * about one image), else the action's inputs (one image).
 */
final class JobConfig {
  @Option(
      names = "--config",
      paramLabel = "FILE",
      description =
          "Configuration (default: the config input, else .github/sizebot.yml, else"
              + " the action's inputs).")
  Optional<Path> file = Optional.empty();

  /** The configuration of this run of {@code main}'s GitHub job. */
  SizebotConfig load(Main main) {
    return load(file, main.env(), workspace(main));
  }

  /**
   * Where the repository is checked out: GITHUB_WORKSPACE in Actions, else the working directory.
   */
  static Path workspace(Main main) {
    return Path.of(main.env().getOrDefault("GITHUB_WORKSPACE", ".")).toAbsolutePath().normalize();
  }

  private static SizebotConfig load(
      Optional<Path> option, Map<String, String> env, Path workspace) {
    ActionInputs inputs = ActionInputs.fromEnvironment(env);
    Optional<Path> file =
        option
            .or(() -> inputs.configPath().map(workspace::resolve))
            .or(
                () ->
                    Optional.of(workspace.resolve(ConfigFile.DEFAULT_PATH))
                        .filter(Files::isRegularFile));
    if (file.isEmpty()) {
      return inputs.toConfig();
    }
    String shown = shown(file.get(), workspace);
    return inputs.overlay(shown, ConfigFile.read(file.get(), shown));
  }

  // Errors name the file as the user wrote it in the repository: .github/sizebot.yml:4:7.
  private static String shown(Path file, Path workspace) {
    Path abs = file.toAbsolutePath().normalize();
    return abs.startsWith(workspace) ? workspace.relativize(abs).toString() : file.toString();
  }
}
