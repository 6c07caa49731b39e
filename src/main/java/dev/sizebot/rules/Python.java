package dev.sizebot.rules;

import dev.sizebot.dockerfile.ShellCommand;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** How Python tools show up in RUN commands. */
final class Python {
  static final String PIP_PROGRAMS = "pip[0-9.]*";
  static final String PIP_CACHE = "/root/.cache/pip";
  static final String UV_CACHE = "/root/.cache/uv";

  private static final Pattern PIP = Pattern.compile("pip[0-9.]*");
  private static final Pattern PYTHON = Pattern.compile("python[0-9.]*");
  private static final Set<String> PIPX_VALUED =
      Set.of("--python", "--suffix", "--index-url", "-i", "--pip-args", "--fetch-missing-python");

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

  /**
   * The package specs of {@code pipx install …} ({@code poetry}, {@code poetry==2.1.3}): its words
   * after the verb that are not options or option values.
   */
  static List<String> pipxInstalled(ShellCommand c) {
    List<String> args = c.arguments();
    if (!c.isProgram("pipx") || args.isEmpty() || !args.get(0).equals("install")) {
      return List.of();
    }
    List<String> specs = new ArrayList<>();
    for (int i = 1; i < args.size(); i++) {
      String a = args.get(i);
      if (PIPX_VALUED.contains(a)) {
        i++; // --python python3.12, --suffix @1: the option's value
      } else if (!a.startsWith("-")) {
        specs.add(a);
      }
    }
    return specs;
  }

  /**
   * Whether the command downloads Poetry's official installer ({@code curl -sSL
   * https://install.python-poetry.org | python3 -}), which installs the latest Poetry unless given
   * {@code --version} or POETRY_VERSION.
   */
  static boolean fetchesPoetryInstaller(ShellCommand c) {
    return (c.isProgram("curl") || c.isProgram("wget"))
        && c.arguments().stream().anyMatch(a -> a.contains("install.python-poetry.org"));
  }

  /** A python that runs a script from stdin ({@code python3 -}), as a piped installer is run. */
  static boolean runsStdin(ShellCommand c) {
    return isPython(c) && c.arguments().contains("-");
  }

  /** A python given {@code --version X} after its script: the installer's version pin. */
  static boolean runsInstallerPinned(ShellCommand c) {
    return isPython(c) && c.arguments().size() > 1 && c.hasArgument("--version");
  }

  private static boolean isPython(ShellCommand c) {
    return PYTHON.matcher(c.program().map(Python::baseName).orElse("")).matches();
  }

  static String baseName(String program) {
    return program.substring(program.lastIndexOf('/') + 1);
  }
}
