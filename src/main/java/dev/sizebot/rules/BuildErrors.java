package dev.sizebot.rules;

import dev.sizebot.dockerfile.BuildError;
import dev.sizebot.dockerfile.Dockerfile;
import dev.sizebot.dockerfile.InvalidInstruction;
import dev.sizebot.dockerfile.SourceRange;
import dev.sizebot.dockerfile.Stage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * SB300: an instruction BuildKit's parser accepts but its instruction checks reject, so the build
 * would stop there (a CMD before the first FROM, an unknown flag, a missing argument, a word that
 * does not expand). Each is reported at its exact place, as hadolint reports a bad line, while
 * every other rule still runs on the instructions that do build.
 */
final class BuildErrors implements Rule {
  static final RuleInfo INFO =
      new RuleInfo(
          "SB300",
          Severity.ERROR,
          "instruction would stop the build",
          "BuildKit parses the whole Dockerfile first and checks each instruction when it builds;"
              + " this one fails that check, so no image is made until it is fixed.",
          List.of());

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(LintInput input) {
    Dockerfile file = input.dockerfile();
    List<Finding> out = new ArrayList<>();
    for (BuildError e : file.errors()) {
      SourceRange at = e.at();
      LineRange where =
          new LineRange(at.startLine(), at.endLine(), at.startColumn(), at.endColumn());
      Optional<Fix> fix = moveAfterFirstFrom(file, e);
      if (fix.isPresent()) {
        out.add(INFO.at(where, e.message()).withFix(fix.get()));
      } else {
        out.add(INFO.at(where, e.message() + e.fix().map(f -> " (" + f + ")").orElse("")));
      }
    }
    return out;
  }

  /**
   * For an instruction before the first FROM: the lines from it to the end of that FROM, with the
   * instruction moved just after the FROM (the lines between keep their order).
   */
  static Optional<Fix> moveAfterFirstFrom(Dockerfile file, BuildError e) {
    Optional<InvalidInstruction> stray =
        file.invalid().stream()
            .filter(i -> i.stage().isEmpty() && i.range().equals(e.instruction()))
            .filter(i -> !i.node().keyword().equals("arg"))
            .findFirst();
    if (stray.isEmpty() || file.stages().isEmpty() || e.fix().isEmpty()) {
      return Optional.empty();
    }
    Stage first = file.stages().get(0);
    SourceRange moved = stray.get().range();
    int fromEnd = first.from().range().endLine();
    List<String> lines = file.lines();
    List<String> text = new ArrayList<>(lines.subList(moved.endLine(), fromEnd));
    text.addAll(lines.subList(moved.startLine() - 1, moved.endLine()));
    return Optional.of(
        new Fix.Replacement(
            e.fix().get(), new LineRange(moved.startLine(), fromEnd), String.join("\n", text)));
  }
}
