package dev.sizebot.diff;

import dev.sizebot.common.SizebotException;
import dev.sizebot.dockerfile.Dockerfile;
import dev.sizebot.dockerfile.Instruction;
import dev.sizebot.dockerfile.Stage;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What the Dockerfile says about an image's history: the source lines of the instructions this
 * build added, in order. Every instruction of the final stage except {@code FROM} writes exactly
 * one history entry (BuildKit and the classic builder alike, ARG included), so they are the last
 * {@code lines.size()} entries of the history and everything before them came with the base image.
 *
 * <p>This is how sizebot recognises base-image steps: an image alone cannot tell them apart (both
 * kinds carry the same {@code created_by} dialects), so without a Dockerfile the split is unknown
 * and no drift is claimed.
 *
 * <p>A stage built {@code FROM} an earlier stage continues that stage's history, so the chain of
 * stages down to the first external image (or {@code scratch}) counts as this build. Not counted:
 * {@code ONBUILD} triggers of the base image (rare; they would shift the split by their number).
 *
 * @param endsWithLabel whether the last instruction is a LABEL; when it is not, trailing empty
 *     LABEL history entries came from {@code docker build --label} (see {@link Steps})
 */
public record BuildSteps(List<Integer> lines, boolean endsWithLabel) {
  public BuildSteps {
    lines = List.copyOf(lines);
  }

  /**
   * Steps whose last instruction is unknown: trailing empty LABEL entries are then taken as the
   * Dockerfile's own (never dropped), the safe reading when no Dockerfile text is at hand.
   */
  public BuildSteps(List<Integer> lines) {
    this(lines, true);
  }

  /** The build steps of {@code target} (the final stage when empty) of a parsed Dockerfile. */
  public static BuildSteps from(Dockerfile dockerfile, Optional<String> target) {
    Stage stage =
        target
            .map(
                t ->
                    dockerfile
                        .stage(t)
                        .orElseThrow(
                            () ->
                                SizebotException.invalidInput(
                                    "no stage '"
                                        + t
                                        + "' in "
                                        + dockerfile.source()
                                        + ": check --target")))
            .orElse(dockerfile.finalStage());
    Deque<Stage> chain = new ArrayDeque<>();
    for (Stage s = stage; s != null; s = parent(dockerfile, s)) {
      chain.push(s);
    }
    List<Instruction> instructions =
        chain.stream().flatMap(s -> s.instructions().stream()).toList();
    List<Integer> lines = instructions.stream().map(i -> i.range().startLine()).toList();
    boolean endsWithLabel =
        !instructions.isEmpty()
            && instructions.get(instructions.size() - 1).keyword().equalsIgnoreCase("label");
    return new BuildSteps(lines, endsWithLabel);
  }

  // The earlier stage a FROM names (by AS name or index), or null for an external image.
  private static Stage parent(Dockerfile dockerfile, Stage stage) {
    String image = stage.from().image().toLowerCase(Locale.ROOT);
    return dockerfile.stages().stream()
        .filter(s -> s.index() < stage.index() && s.reference().equals(image))
        .findFirst()
        .orElse(null);
  }

  public int count() {
    return lines.size();
  }
}
