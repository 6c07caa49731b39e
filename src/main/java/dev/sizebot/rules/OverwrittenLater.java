package dev.sizebot.rules;

import dev.sizebot.dockerfile.Instruction;
import dev.sizebot.dockerfile.Run;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * SB118: the image shows files one step wrote and a later step wrote again (caches rebuilt, a
 * package reinstalled, a file copied twice). Needs {@code --image}: the finding is the image's own
 * reclaimable bytes, on the step that wrote them first.
 */
final class OverwrittenLater implements Rule {
  static final RuleInfo INFO =
      new RuleInfo(
          "SB118",
          Severity.WARNING,
          "files written in one step and overwritten in a later one",
          "Writing a file again in a later step ships both copies: the first stays in its layer,"
              + " dead, and every pull still downloads it. Write each file once.",
          List.of());

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(LintInput input) {
    List<Finding> findings = new ArrayList<>();
    for (LaterWaste waste : LaterWaste.of(input, DeadFile::overwritten)) {
      findings.add(finding(input, waste));
    }
    return findings;
  }

  private static Finding finding(LintInput input, LaterWaste waste) {
    return waste.finding(
        INFO,
        "writes",
        "written",
        "overwrites",
        "overwritten",
        merged(input, waste),
        advice(waste));
  }

  // Two plain RUNs one after the other: one RUN runs the same commands and writes each file once.
  private static Optional<Fix> merged(LintInput input, LaterWaste waste) {
    Optional<Instruction> remover = waste.remover();
    if (!(waste.adder() instanceof Run first)
        || remover.isEmpty()
        || !(remover.get() instanceof Run second)
        || !next(waste, second)) {
      return Optional.empty();
    }
    StageRun writing = new StageRun(input.dockerfile(), waste.stage(), first);
    StageRun rewriting = new StageRun(input.dockerfile(), waste.stage(), second);
    Optional<RunText> a = writing.text();
    Optional<RunText> b = rewriting.text();
    if (a.isEmpty() || b.isEmpty() || a.get().hasFlags() || b.get().hasFlags()) {
      return Optional.empty();
    }
    List<String> out = new ArrayList<>();
    out.add(a.get().merge(b.get()).render());
    // Comments and blank lines between the two stay, after the merged RUN.
    out.addAll(
        input.dockerfile().lines().subList(writing.lines().end(), rewriting.lines().start() - 1));
    return Optional.of(
        new Fix.Replacement(
            "run both steps in one RUN, so each file is written once",
            new LineRange(writing.lines().start(), rewriting.lines().end()),
            String.join("\n", out)));
  }

  // The remover is the very next instruction of the adder's stage.
  private static boolean next(LaterWaste waste, Run second) {
    List<Instruction> all = waste.stage().instructions();
    int at = all.indexOf(waste.adder());
    return at >= 0 && at + 1 < all.size() && all.get(at + 1) == second;
  }

  private static String advice(LaterWaste waste) {
    if (waste.allUnder(CacheDirs.ALL)) {
      return "; keep the cache out of the layers with RUN --mount=type=cache,target="
          + CacheDirs.of(waste.removedPaths().keySet().iterator().next())
          + " on both steps";
    }
    return "; write them once, in the step that needs them last (install a package once, copy a"
        + " file once), or build them in a stage and COPY only the result";
  }
}
