package dev.sizebot.rules;

import dev.sizebot.dockerfile.ShellCommand;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Which paths a RUN plausibly creates: paths named as arguments of its commands (downloads, clones,
 * extractions, builds), plus the caches well-known tools fill.
 */
final class Created {
  private static final Map<String, String> TOOL_CACHES =
      Map.of(
          "apt-get", Apt.LISTS,
          "apt", Apt.LISTS,
          "apk", "/var/cache/apk",
          "pip", Python.PIP_CACHE,
          "pip3", Python.PIP_CACHE,
          "npm", NodeJs.NPM_CACHE,
          "yarn", NodeJs.YARN_CACHE);

  private Created() {}

  /** Absolute paths a RUN creates, resolved against its WORKDIR; deletions are not creations. */
  static List<String> by(StageRun run) {
    String dir = Paths.workdirBefore(run.stage(), run.run());
    List<String> paths = new ArrayList<>();
    for (ShellCommand c : run.run().commands()) {
      if (c.isProgram("rm") || c.program().isEmpty()) {
        continue;
      }
      String tool = Python.baseName(c.program().get());
      if (TOOL_CACHES.containsKey(tool)) {
        paths.add(TOOL_CACHES.get(tool));
      }
      for (String arg : c.arguments()) {
        String value =
            arg.startsWith("-") && arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : arg;
        if (!value.startsWith("-")
            && !value.contains("://")
            && !value.contains("$")
            && (value.startsWith("/") || value.contains("."))) {
          paths.add(Paths.resolve(dir, value));
        }
      }
    }
    return paths;
  }

  /** Absolute targets of the RUN's {@code rm} commands (globs trimmed to their directory). */
  static List<String> removedBy(StageRun run) {
    String dir = Paths.workdirBefore(run.stage(), run.run());
    List<String> removed = new ArrayList<>();
    for (ShellCommand rm : run.commandsOf("rm")) {
      for (String arg : rm.arguments()) {
        if (!arg.startsWith("-") && !arg.contains("$")) {
          String trimmed = arg.replaceAll("/\\*+$", "");
          if (!trimmed.contains("*")) {
            removed.add(Paths.resolve(dir, trimmed));
          }
        }
      }
    }
    return removed;
  }
}
