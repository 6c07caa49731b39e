package dev.sizebot.cli;

import dev.sizebot.config.ActionInputs;
import dev.sizebot.config.ConfigFile;
import dev.sizebot.config.SizebotConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The configuration a GitHub job runs with: {@code --config}, else the {@code config} input, else
 * {@code .github/sizebot.yml} when the repository has one (each overlaid by the inputs that are not
 * about one image), else the action's inputs (one image).
 */
final class JobConfig {
  private JobConfig() {}

  static SizebotConfig load(Optional<Path> option, Map<String, String> env, Path workspace) {
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
