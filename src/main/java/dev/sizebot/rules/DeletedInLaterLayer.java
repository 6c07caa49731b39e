package dev.sizebot.rules;

import dev.sizebot.dockerfile.Dockerfile;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** SB110: files removed by a later RUN than the one that created them — still shipped. */
final class DeletedInLaterLayer implements Rule {
  static final RuleInfo INFO =
      new RuleInfo(
          "SB110",
          Severity.WARNING,
          "files deleted in a later layer are still shipped",
          "Deleting files in a later RUN only hides them: the layer that created them still"
              + " carries every byte. Delete them in the same RUN that creates them.",
          List.of());

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(LintInput input) {
    return pairs(input.dockerfile()).stream()
        .map(p -> finding(input, p.creator(), p.deleting(), p.target()))
        .toList();
  }

  /** A shipping RUN that deletes {@code target}, which an earlier RUN of its stage created. */
  record Pair(StageRun creator, StageRun deleting, String target) {}

  /** The pairs this rule reports, one per deleting RUN (SB117 leaves them to it). */
  static List<Pair> pairs(Dockerfile dockerfile) {
    List<Pair> pairs = new ArrayList<>();
    List<StageRun> runs = StageRun.shipping(dockerfile);
    for (int later = 0; later < runs.size(); later++) {
      StageRun deleting = runs.get(later);
      for (String target : Created.removedBy(deleting)) {
        Optional<StageRun> creator = creator(runs.subList(0, later), deleting, target);
        if (creator.isPresent()) {
          pairs.add(new Pair(creator.get(), deleting, target));
          break;
        }
      }
    }
    return pairs;
  }

  // The first earlier RUN of the same stage that creates the target (or something below it)
  // and does not remove it itself; later mentions are uses.
  private static Optional<StageRun> creator(
      List<StageRun> earlier, StageRun deleting, String target) {
    for (int i = 0; i < earlier.size(); i++) {
      StageRun run = earlier.get(i);
      if (run.stage() != deleting.stage()) {
        continue;
      }
      boolean creates = Created.by(run).stream().anyMatch(p -> Paths.within(p, target));
      boolean removes = Created.removedBy(run).stream().anyMatch(r -> Paths.within(target, r));
      if (creates && !removes) {
        return Optional.of(run);
      }
    }
    return Optional.empty();
  }

  private static Finding finding(
      LintInput input, StageRun creator, StageRun deleting, String target) {
    Finding finding =
        INFO.at(
            deleting.lines(),
            "line "
                + deleting.line()
                + " deletes "
                + target
                + ", which line "
                + creator.line()
                + " created: the bytes stay in that layer");
    Finding fixed =
        usedBetween(input, creator, deleting, target)
            ? finding
            : fix(input.dockerfile(), creator, deleting).map(finding::withFix).orElse(finding);
    return input
        .evidence()
        .deletedLater(creator.line(), deleting.line())
        .map(
            b ->
                fixed.withEvidence(
                    b,
                    b.size().human()
                        + " created at line "
                        + creator.line()
                        + " and deleted at line "
                        + deleting.line()
                        + " is still shipped"))
        .orElse(fixed);
  }

  // A RUN between the two that reads the files needs them: the deletion cannot move earlier.
  private static boolean usedBetween(
      LintInput input, StageRun creator, StageRun deleting, String target) {
    return StageRun.all(input.dockerfile()).stream()
        .filter(r -> r.stage() == creator.stage())
        .filter(r -> r.line() > creator.line() && r.line() < deleting.line())
        .anyMatch(r -> Created.by(r).stream().anyMatch(p -> Paths.within(p, target)));
  }

  // Moves the deleting RUN's commands onto the end of the creating RUN when it only deletes.
  static Optional<Fix> fix(Dockerfile dockerfile, StageRun creator, StageRun deleting) {
    boolean onlyDeletes = deleting.run().commands().stream().allMatch(c -> c.isProgram("rm"));
    Optional<RunText> create = creator.text();
    Optional<RunText> delete = deleting.text();
    if (!onlyDeletes || create.isEmpty() || delete.isEmpty() || delete.get().hasFlags()) {
      return Optional.empty();
    }
    List<String> out = new ArrayList<>();
    out.add(create.get().merge(delete.get()).render());
    out.addAll(dockerfile.lines().subList(creator.lines().end(), deleting.lines().start() - 1));
    return Optional.of(
        new Fix.Replacement(
            "delete in the RUN that creates the files",
            new LineRange(creator.lines().start(), deleting.lines().end()),
            String.join("\n", out)));
  }
}
