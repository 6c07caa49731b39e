package dev.sizebot.rules;

import dev.sizebot.dockerfile.ShellCommand;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** SB304: a RUN that only changes shell state (cd, export …), which ends with the RUN. */
final class ShellStateOnly implements Rule {
  static final RuleInfo INFO =
      new RuleInfo(
          "SB304",
          Severity.WARNING,
          "RUN that only changes shell state has no effect",
          "Each RUN starts a new shell: a cd or export alone in a RUN is forgotten before the next"
              + " instruction. WORKDIR and ENV persist.",
          List.of("DL3003"));

  private static final Set<String> STATE =
      Set.of("cd", "export", "set", "source", ".", "alias", "unset", "umask", "shopt");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(LintInput input) {
    List<Finding> findings = new ArrayList<>();
    for (StageRun run : StageRun.all(input.dockerfile())) {
      List<ShellCommand> commands = run.run().commands();
      if (!run.run().shellAnalyzed()
          || commands.isEmpty()
          || !commands.stream().allMatch(c -> c.program().filter(STATE::contains).isPresent())) {
        continue;
      }
      Finding finding =
          INFO.at(
              run.lines(),
              "RUN at line "
                  + run.line()
                  + " only runs "
                  + String.join(
                      ", ", commands.stream().map(c -> c.program().get()).distinct().toList())
                  + "; its effect ends with the RUN");
      findings.add(
          replacement(commands)
              .map(
                  text ->
                      finding.withFix(
                          new Fix.Replacement(
                              "use WORKDIR / ENV, which persist", run.lines(), text)))
              .orElse(finding));
    }
    return findings;
  }

  private static Optional<String> replacement(List<ShellCommand> commands) {
    List<String> lines = new ArrayList<>();
    for (ShellCommand c : commands) {
      List<String> args = c.arguments();
      if (c.isProgram("cd") && args.size() == 1 && !args.get(0).contains("$")) {
        lines.add("WORKDIR " + args.get(0));
      } else if (c.isProgram("export")
          && !args.isEmpty()
          && args.stream().allMatch(a -> a.matches("[A-Za-z_][A-Za-z0-9_]*=\\S*"))) {
        lines.add("ENV " + String.join(" ", args));
      } else {
        return Optional.empty();
      }
    }
    return Optional.of(String.join("\n", lines));
  }
}
