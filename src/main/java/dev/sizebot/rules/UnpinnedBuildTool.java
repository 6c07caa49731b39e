package dev.sizebot.rules;

import dev.sizebot.dockerfile.ShellCommand;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** SB303: build tools (poetry, uv, pip, yarn …) installed without a version. */
final class UnpinnedBuildTool implements Rule {
  static final RuleInfo INFO =
      new RuleInfo(
          "SB303",
          Severity.WARNING,
          "build tool installed without a version pin",
          "An unpinned poetry, uv, pip or yarn is whatever was released last: a new major"
              + " version can change lock-file handling or break the build between two runs of"
              + " the same commit.",
          List.of("DL3013", "DL3016"));

  private static final Set<String> PIP_TOOLS =
      Set.of("poetry", "uv", "pipenv", "pdm", "hatch", "pip", "setuptools", "wheel");
  private static final Set<String> NPM_TOOLS = Set.of("yarn", "pnpm", "npm");
  // Versions current when this rule was written; the fix asks to pick the one you test with.
  private static final Map<String, String> KNOWN =
      Map.of(
          "poetry",
          "2.1.3",
          "uv",
          "0.7.13",
          "pip",
          "25.1.1",
          "setuptools",
          "80.9.0",
          "wheel",
          "0.45.1",
          "yarn",
          "1.22.22",
          "pnpm",
          "10.12.1");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  /** The unpinned tools of one RUN, by how they are installed. */
  private record Unpinned(
      List<String> pip, List<String> npm, List<String> pipx, boolean poetryInstaller) {
    static Unpinned of(StageRun run) {
      List<String> pip = new ArrayList<>();
      List<String> npm = new ArrayList<>();
      List<String> pipx = new ArrayList<>();
      List<ShellCommand> commands = run.run().commands();
      for (ShellCommand c : commands) {
        if (Python.isPipInstall(c)) {
          Python.pipArguments(c).stream().skip(1).filter(PIP_TOOLS::contains).forEach(pip::add);
        } else if (c.isProgram("npm") && (c.hasArgument("-g") || c.hasArgument("--global"))) {
          c.arguments().stream().filter(NPM_TOOLS::contains).forEach(npm::add);
        }
        Python.pipxInstalled(c).stream().filter(PIP_TOOLS::contains).forEach(pipx::add);
      }
      // The installer takes the version as "python3 - --version X" or from POETRY_VERSION.
      boolean installer =
          commands.stream().anyMatch(Python::fetchesPoetryInstaller)
              && commands.stream().noneMatch(Python::runsInstallerPinned)
              && !run.envSet("POETRY_VERSION");
      return new Unpinned(pip, npm, pipx, installer);
    }

    List<String> all() {
      List<String> all = new ArrayList<>(pip);
      all.addAll(npm);
      all.addAll(pipx);
      if (poetryInstaller) {
        all.add("poetry");
      }
      return all.stream().distinct().toList();
    }

    String pin(String script) {
      for (String tool : pip) {
        script =
            ScriptEdit.replaceWord(
                script, Python.PIP_PROGRAMS, tool, tool + "==" + KNOWN.get(tool));
      }
      for (String tool : npm) {
        script = ScriptEdit.replaceWord(script, "npm", tool, tool + "@" + KNOWN.get(tool));
      }
      for (String tool : pipx) {
        script = ScriptEdit.replaceWord(script, "pipx", tool, tool + "==" + KNOWN.get(tool));
      }
      if (poetryInstaller) {
        script =
            ScriptEdit.addFlag(script, "python[0-9.]*", "-", "--version " + KNOWN.get("poetry"));
      }
      return script;
    }
  }

  @Override
  public List<Finding> check(LintInput input) {
    List<Finding> findings = new ArrayList<>();
    for (StageRun run : StageRun.all(input.dockerfile())) {
      Unpinned unpinned = Unpinned.of(run);
      List<String> all = unpinned.all();
      if (all.isEmpty()) {
        continue;
      }
      Finding finding =
          INFO.at(
              run.lines(),
              "line " + run.line() + " installs " + String.join(", ", all) + " without a version");
      // The installer is pinned by the fix only where it runs from a pipe ("python3 -").
      boolean fixable =
          all.stream().allMatch(KNOWN::containsKey)
              && (!unpinned.poetryInstaller()
                  || run.run().commands().stream().anyMatch(Python::runsStdin));
      findings.add(
          run.editable()
              .filter(t -> fixable)
              .map(
                  t ->
                      finding.withFix(
                          run.fix(
                              "pin the version (an example — pick the one you test with)",
                              t.withScript(unpinned.pin(t.script())))))
              .orElse(finding));
    }
    return findings;
  }
}
