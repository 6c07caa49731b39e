package dev.sizebot.cli;

import dev.sizebot.config.ConfigFile;
import dev.sizebot.config.SizebotConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The configuration a GitHub job runs with: {@code --config}, else the {@code config} input, else
 * {@code .github/sizebot.yml} when the repository has one, else the action's inputs (one image).
 */
final class JobConfig {
  private JobConfig() {}

  static SizebotConfig load(Optional<Path> option, Map<String, String> env, Path workspace) {
    Optional<Path> file =
        option
            .or(() -> input(env, "CONFIG").map(workspace::resolve))
            .or(
                () ->
                    Optional.of(workspace.resolve(ConfigFile.DEFAULT_PATH))
                        .filter(Files::isRegularFile));
    if (file.isPresent()) {
      return ConfigFile.read(file.get(), file.get().toString());
    }
    return dev.sizebot.config.ActionInputs.config(env);
  }

  static Optional<String> input(Map<String, String> env, String name) {
    return Optional.ofNullable(env.get("INPUT_" + name))
        .map(String::strip)
        .filter(v -> !v.isEmpty());
  }
}
