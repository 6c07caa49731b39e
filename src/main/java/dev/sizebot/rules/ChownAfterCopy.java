package dev.sizebot.rules;

import dev.sizebot.dockerfile.Add;
import dev.sizebot.dockerfile.Copy;
import dev.sizebot.dockerfile.Dockerfile;
import dev.sizebot.dockerfile.Instruction;
import dev.sizebot.dockerfile.Run;
import dev.sizebot.dockerfile.ShellCommand;
import dev.sizebot.dockerfile.Stage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** SB111: {@code chown -R}/{@code chmod -R} in a RUN after the COPY that brought the files. */
final class ChownAfterCopy implements Rule {
  static final RuleInfo INFO =
      new RuleInfo(
          "SB111",
          Severity.WARNING,
          "chown/chmod -R in a separate RUN duplicates the copied files",
          "Changing owner or mode rewrites every file into a new layer, so the copied files ship"
              + " twice. COPY --chown / --chmod sets them in the COPY layer itself.",
          List.of());

  /** A recursive chown or chmod of a path, and the COPY that created that path. */
  private record Change(ShellCommand command, boolean chown, String value, Instruction copy) {}

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(LintInput input) {
    List<Finding> findings = new ArrayList<>();
    for (StageRun run : StageRun.shipping(input.dockerfile())) {
      List<Change> changes = changes(run);
      if (changes.isEmpty()) {
        continue;
      }
      Change first = changes.get(0);
      String path = first.command().arguments().get(first.command().arguments().size() - 1);
      Finding finding =
          INFO.at(
              run.lines(),
              (first.chown() ? "chown" : "chmod")
                  + " -R "
                  + path
                  + " at line "
                  + run.line()
                  + " rewrites the files COPY at line "
                  + first.copy().range().startLine()
                  + " added");
      Finding fixed = fix(input.dockerfile(), run, changes).map(finding::withFix).orElse(finding);
      String dir = Paths.resolve(Paths.workdirBefore(run.stage(), run.run()), path);
      findings.add(Proof.bytesUnder(fixed, input.evidence(), run.line(), dir));
    }
    return findings;
  }

  private static List<Change> changes(StageRun run) {
    List<Change> changes = new ArrayList<>();
    for (ShellCommand c : run.run().commands()) {
      boolean chown = c.isProgram("chown");
      boolean chmod = c.isProgram("chmod");
      List<String> args = c.arguments();
      if (!(chown || chmod) || !(c.hasArgument("-R") || c.hasArgument("--recursive"))) {
        continue;
      }
      List<String> operands = args.stream().filter(a -> !a.startsWith("-")).toList();
      if (operands.size() != 2) {
        continue;
      }
      String target = Paths.resolve(Paths.workdirBefore(run.stage(), run.run()), operands.get(1));
      copyOf(run.stage(), run.run(), target)
          .ifPresent(copy -> changes.add(new Change(c, chown, operands.get(0), copy)));
    }
    return changes;
  }

  /** The last COPY/ADD before {@code run} in the stage whose destination is {@code target}. */
  private static Optional<Instruction> copyOf(Stage stage, Run run, String target) {
    Instruction found = null;
    for (Instruction in : stage.instructions()) {
      if (in == run) {
        break;
      }
      String dest =
          in instanceof Copy c ? c.destination() : in instanceof Add a ? a.destination() : null;
      if (dest != null && Paths.resolve(Paths.workdirBefore(stage, in), dest).equals(target)) {
        found = in;
      }
    }
    return Optional.ofNullable(found);
  }

  // When the RUN only changes owner/mode of one COPY's files, fold it into that COPY.
  private static Optional<Fix> fix(Dockerfile dockerfile, StageRun run, List<Change> changes) {
    Instruction copy = changes.get(0).copy();
    boolean onlyThese = run.run().commands().size() == changes.size();
    boolean oneCopy = changes.stream().allMatch(c -> c.copy() == copy);
    boolean octal = changes.stream().allMatch(c -> c.chown() || c.value().matches("[0-7]{3,4}"));
    boolean fresh =
        copy.flags().stream().noneMatch(f -> f.startsWith("--chown") || f.startsWith("--chmod"));
    if (!onlyThese || !oneCopy || !octal || !fresh || !between(run, copy).isEmpty()) {
      return Optional.empty();
    }
    StringBuilder flags = new StringBuilder();
    for (Change c : changes) {
      flags.append(c.chown() ? " --chown=" : " --chmod=").append(c.value());
    }
    String text = copy.text();
    int keyword =
        text.toUpperCase(java.util.Locale.ROOT)
            .indexOf(copy.keyword().toUpperCase(java.util.Locale.ROOT));
    int after = keyword + copy.keyword().length();
    String newCopy = text.substring(0, after) + flags + text.substring(after);
    List<String> out = new ArrayList<>();
    out.add(newCopy);
    out.addAll(dockerfile.lines().subList(copy.range().endLine(), run.lines().start() - 1));
    return Optional.of(
        new Fix.Replacement(
            "set owner/mode in the COPY", Lines.span(copy, run.run()), String.join("\n", out)));
  }

  // Instructions between the COPY and the RUN that touch files: moving the chown across them
  // would change what it applies to.
  private static List<Instruction> between(StageRun run, Instruction copy) {
    return run.stage().instructions().stream()
        .filter(
            i ->
                i.range().startLine() > copy.range().startLine()
                    && i.range().startLine() < run.line())
        .filter(i -> i instanceof Run || i instanceof Copy || i instanceof Add)
        .toList();
  }
}
