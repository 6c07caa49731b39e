package dev.sizebot.rules;

import dev.sizebot.dockerfile.Dockerfile;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** SB201: {@code apt-get update} in a RUN of its own. */
final class AptUpdateAlone implements Rule {
  static final RuleInfo INFO =
      new RuleInfo(
          "SB201",
          Severity.WARNING,
          "apt-get update alone in a RUN",
          "The build cache keeps the update layer forever, so a later install in another RUN uses"
              + " stale package lists (and fails once mirrors drop old versions); update and install"
              + " belong in one RUN.",
          List.of("DS017"));

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(LintInput input) {
    List<Finding> findings = new ArrayList<>();
    List<StageRun> runs = StageRun.all(input.dockerfile());
    for (int i = 0; i < runs.size(); i++) {
      StageRun run = runs.get(i);
      boolean updates = run.run().commands().stream().anyMatch(Apt::isUpdate);
      boolean installs = run.run().commands().stream().anyMatch(Apt::usesLists);
      if (!updates || installs) {
        continue;
      }
      Finding finding =
          INFO.at(
              run.lines(),
              Apt.firstName(run.run().commands(), Apt::isUpdate)
                  + " update at line "
                  + run.line()
                  + " runs in a RUN without an install");
      findings.add(
          fix(input.dockerfile(), run, runs.subList(i + 1, runs.size()))
              .map(finding::withFix)
              .orElse(finding));
    }
    return findings;
  }

  // Moves the update into the next RUN of the stage that installs, when the update RUN does
  // nothing else (otherwise removing it would drop the other commands).
  private static Optional<Fix> fix(Dockerfile dockerfile, StageRun update, List<StageRun> later) {
    if (!update.run().commands().stream().allMatch(Apt::isUpdate)) {
      return Optional.empty();
    }
    Optional<StageRun> install =
        later.stream()
            .filter(r -> r.stage() == update.stage())
            .filter(r -> r.run().commands().stream().anyMatch(Apt::usesLists))
            .findFirst();
    if (install.isEmpty()) {
      return Optional.empty();
    }
    StageRun target = install.get();
    return target
        .text()
        .map(
            t -> {
              List<String> lines = dockerfile.lines();
              List<String> between =
                  lines.subList(update.lines().end(), target.lines().start() - 1);
              List<String> out = new ArrayList<>(between);
              // The update as the author wrote it (apt or apt-get, its options).
              out.add(t.prepend(updateCommand(update)).render());
              return new Fix.Replacement(
                  "run "
                      + Apt.firstName(update.run().commands(), Apt::isUpdate)
                      + " update in the RUN that installs",
                  new LineRange(update.lines().start(), target.lines().end()),
                  String.join("\n", out));
            });
  }

  private static String updateCommand(StageRun update) {
    return update.run().commands().stream()
        .filter(Apt::isUpdate)
        .findFirst()
        .map(c -> String.join(" ", c.words()))
        .orElse("apt-get update");
  }
}
