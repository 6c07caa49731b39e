package dev.sizebot.cli;

import dev.sizebot.analysis.Analysis;
import dev.sizebot.common.SizebotException;
import dev.sizebot.diff.BuildSteps;
import dev.sizebot.diff.Step;
import dev.sizebot.diff.Steps;
import dev.sizebot.dockerfile.Dockerfile;
import dev.sizebot.dockerfile.Instruction;
import dev.sizebot.image.Image;
import dev.sizebot.rules.AnalysisEvidence;
import dev.sizebot.rules.Evidence;
import dev.sizebot.rules.LayerLines;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Ties a built image to the Dockerfile being linted: {@code diff}'s step mapping names the
 * instruction line of each history entry, and each line that made a layer becomes evidence.
 */
final class LintEvidence {
  private LintEvidence() {}

  /** Evidence from {@code image}, which must have been built from {@code dockerfile}. */
  static Evidence of(Image image, String imageName, Dockerfile dockerfile) {
    BuildSteps build = BuildSteps.from(dockerfile, Optional.empty());
    List<Step> steps = Steps.of(image, Optional.of(build));
    Map<Integer, String> keywords = new HashMap<>();
    for (Instruction i : dockerfile.instructions()) {
      keywords.put(i.range().startLine(), i.keyword().toUpperCase(Locale.ROOT));
    }
    long tied = steps.stream().filter(s -> s.line().isPresent()).count();
    if (tied < build.count()) {
      throw mismatch(imageName, dockerfile, build.count() + " steps but the image has " + tied);
    }
    Map<Integer, Integer> positions = new HashMap<>();
    for (Step step : steps) {
      if (step.line().isEmpty()) {
        continue;
      }
      int line = step.line().get();
      String want = keywords.get(line);
      String got = step.instruction().keyword();
      // An image whose history only has layers (no created_by) cannot be checked; trust the count.
      if (!got.isEmpty() && !got.equals(want)) {
        throw mismatch(
            imageName,
            dockerfile,
            "line " + line + " is " + want + " but the image's step there is " + got);
      }
      step.layer().ifPresent(layer -> positions.put(line, layer.position()));
    }
    return new AnalysisEvidence(image, Analysis.of(image), new LayerLines(positions));
  }

  private static SizebotException mismatch(String image, Dockerfile dockerfile, String detail) {
    return SizebotException.invalidInput(
        "image "
            + image
            + " was not built from "
            + dockerfile.source()
            + " ("
            + detail
            + "): pass --image the image built from this Dockerfile");
  }
}
