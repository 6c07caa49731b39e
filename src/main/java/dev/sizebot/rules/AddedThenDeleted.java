package dev.sizebot.rules;

import dev.sizebot.dockerfile.Add;
import dev.sizebot.dockerfile.Copy;
import dev.sizebot.dockerfile.Instruction;
import dev.sizebot.dockerfile.Run;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * SB117: the image shows files one step added and a later step deleted. Needs {@code --image}: the
 * finding is the image's own reclaimable bytes, on the step that added them.
 */
final class AddedThenDeleted implements Rule {
  static final RuleInfo INFO =
      new RuleInfo(
          "SB117",
          Severity.WARNING,
          "files added in one step and deleted in a later one",
          "A later step's delete only hides files: the layer that added them still carries every"
              + " byte, and every pull downloads them. Keep them out of the layer instead.",
          List.of());

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(LintInput input) {
    // Pairs SB110 finds in the text already carry that rule's fix and the same bytes.
    Set<String> covered =
        DeletedInLaterLayer.pairs(input.dockerfile()).stream()
            .map(p -> p.creator().line() + ":" + p.deleting().line())
            .collect(Collectors.toSet());
    List<Finding> findings = new ArrayList<>();
    for (LaterWaste waste : LaterWaste.of(input, f -> !f.overwritten())) {
      String pair = waste.line() + ":" + waste.remover().map(r -> r.range().startLine()).orElse(0);
      if (!covered.contains(pair)) {
        findings.add(finding(input, waste));
      }
    }
    return findings;
  }

  private static Finding finding(LintInput input, LaterWaste waste) {
    return waste.finding(
        INFO, "adds", "added", "deletes", "deleted", fix(input, waste), advice(waste));
  }

  private static Optional<Fix> fix(LintInput input, LaterWaste waste) {
    Optional<Instruction> remover = waste.remover();
    if (remover.isEmpty() || !(remover.get() instanceof Run deleting) || waste.runBetween()) {
      return Optional.empty();
    }
    if (!deleting.commands().stream().allMatch(c -> c.isProgram("rm"))) {
      return Optional.empty();
    }
    if (waste.adder() instanceof Run adding) {
      // Files a RUN made and nothing used: delete them in that RUN (SB110's patch).
      return DeletedInLaterLayer.fix(
          input.dockerfile(),
          new StageRun(input.dockerfile(), waste.stage(), adding),
          new StageRun(input.dockerfile(), waste.stage(), deleting));
    }
    return ignoreFix(input, waste);
  }

  // Context files copied only to be deleted: never send them to the build.
  private static Optional<Fix> ignoreFix(LintInput input, LaterWaste waste) {
    Optional<List<String>> paths =
        ContextPaths.of(waste.stage(), waste.adder(), waste.removedPaths().keySet());
    if (paths.isEmpty()) {
      return Optional.empty();
    }
    String existing = input.dockerignore().orElse("");
    DockerIgnore ignore = DockerIgnore.parse(existing);
    List<String> missing = paths.get().stream().filter(p -> !ignore.excludes(p)).toList();
    if (missing.isEmpty()) {
      return Optional.empty();
    }
    String separator = existing.isEmpty() || existing.endsWith("\n") ? "" : "\n";
    return Optional.of(
        new Fix.Snippet(
            "leave them out of the build context",
            Fix.Snippet.DOCKERIGNORE,
            existing + separator + String.join("\n", missing) + "\n"));
  }

  // When no exact patch is safe (the files are used before they are deleted), say what would do.
  private static String advice(LaterWaste waste) {
    Instruction adder = waste.adder();
    if (adder instanceof Copy c && c.from().isPresent()) {
      return "; copy only what the image needs from " + c.from().get();
    }
    if (adder instanceof Add && Context.localSources(adder).isEmpty()) {
      return "; fetch them in a RUN that deletes them when done, or in a build stage";
    }
    if (!Context.localSources(adder).isEmpty()) {
      return "; instead of copying them, mount them in the RUN that uses them"
          + " (RUN --mount=type=bind,source=…,target=…), or use them in a build stage";
    }
    if (adder instanceof Run && waste.allUnder(CacheDirs.ALL)) {
      return "; keep the cache out of the layer with RUN --mount=type=cache,target="
          + CacheDirs.of(waste.removedPaths().keySet().iterator().next());
    }
    return "; delete them in the step that creates them, or create them in a build stage and"
        + " COPY only what the image needs";
  }
}
