package dev.sizebot.rules;

import dev.sizebot.dockerfile.ShellCommand;
import java.util.List;
import java.util.regex.Pattern;

/** How Python tools show up in RUN commands. */
final class Python {
  static final String PIP_PROGRAMS = "pip[0-9.]*";
  static final String PIP_CACHE = "/root/.cache/pip";
  static final String UV_CACHE = "/root/.cache/uv";

  private static final Pattern PIP = Pattern.compile("pip[0-9.]*");
  private static final Pattern PYTHON = Pattern.compile("python[0-9.]*");

  private Python() {}

  /** {@code pip install …}, {@code pip3.12 install …} or {@code python -m pip install …}. */
  static boolean isPipInstall(ShellCommand c) {
    return pipArguments(c).stream().findFirst().filter("install"::equals).isPresent();
  }

  /** The arguments after {@code pip}, or empty when the command is not pip. */
  static List<String> pipArguments(ShellCommand c) {
    String program = c.program().map(Python::baseName).orElse("");
    if (PIP.matcher(program).matches()) {
      return c.arguments();
    }
    List<String> args = c.arguments();
    if (PYTHON.matcher(program).matches()
        && args.size() >= 2
        && args.get(0).equals("-m")
        && args.get(1).equals("pip")) {
      return args.subList(2, args.size());
    }
    return List.of();
  }

  /** {@code uv} followed by one of {@code verbs} (e.g. {@code sync}, {@code pip install}). */
  static boolean isUv(ShellCommand c, String verb) {
    if (!c.isProgram("uv")) {
      return false;
    }
    String joined = String.join(" ", c.arguments());
    return (" " + joined + " ").contains(" " + verb + " ");
  }

  static String baseName(String program) {
    return program.substring(program.lastIndexOf('/') + 1);
  }
}
