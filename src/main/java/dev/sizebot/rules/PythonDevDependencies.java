package dev.sizebot.rules;

import dev.sizebot.dockerfile.ShellCommand;
import java.util.ArrayList;
import java.util.List;

/** SB107: {@code uv sync} or {@code poetry install} that installs dev dependencies for good. */
final class PythonDevDependencies implements Rule {
  static final RuleInfo INFO =
      new RuleInfo(
          "SB107",
          Severity.WARNING,
          "Python dev dependencies installed in the image",
          "uv sync and poetry install include the dev group by default — test runners, linters"
              + " and type checkers the running service never imports.",
          List.of());

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(LintInput input) {
    List<Finding> findings = new ArrayList<>();
    for (StageRun run : StageRun.shipping(input.dockerfile())) {
      boolean uv =
          run.run().commands().stream().anyMatch(c -> uvWithDev(c)) && !run.envSet("UV_NO_DEV");
      boolean poetry = run.run().commands().stream().anyMatch(PythonDevDependencies::poetryWithDev);
      if (!uv && !poetry) {
        continue;
      }
      String tool = uv ? "uv sync" : "poetry install";
      Finding finding =
          INFO.at(run.lines(), tool + " at line " + run.line() + " installs the dev dependencies");
      findings.add(
          run.editable()
              .map(
                  t -> {
                    String script = t.script();
                    if (uv) {
                      script =
                          ScriptEdit.addFlagUnless(
                              script,
                              "uv",
                              "sync",
                              "--no-dev",
                              "--no-dev|--only-group|--no-default-groups");
                    }
                    if (poetry) {
                      script =
                          ScriptEdit.addFlagUnless(
                              script,
                              "poetry",
                              "install",
                              "--only main",
                              "--only|--without|--no-dev");
                    }
                    return finding.withFix(
                        run.fix("install only the main dependencies", t.withScript(script)));
                  })
              .orElse(finding));
    }
    return findings;
  }

  private static boolean uvWithDev(ShellCommand c) {
    return Python.isUv(c, "sync")
        && !c.hasArgument("--no-dev")
        && !c.hasArgument("--only-group")
        && !c.hasArgument("--no-default-groups");
  }

  private static boolean poetryWithDev(ShellCommand c) {
    if (!c.isProgram("poetry") || !c.arguments().contains("install")) {
      return false;
    }
    List<String> args = c.arguments();
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      String value =
          a.contains("=")
              ? a.substring(a.indexOf('=') + 1)
              : i + 1 < args.size() ? args.get(i + 1) : "";
      if (a.startsWith("--only")
          || a.equals("--no-dev")
          || a.startsWith("--without") && value.matches(".*\\bdev\\b.*")) {
        return false;
      }
    }
    return true;
  }
}
