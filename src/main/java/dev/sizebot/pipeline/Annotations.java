package dev.sizebot.pipeline;

import dev.sizebot.github.WorkflowCommand;
import dev.sizebot.report.ImageReport;
import dev.sizebot.report.PrReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Findings as workflow-command annotations ({@code ::warning file=Dockerfile,line=4::…}): the
 * runner shows them on the Dockerfile in the PR's "Files changed" tab even when no check run can be
 * created (a fork's read-only token).
 */
final class Annotations {
  private Annotations() {}

  static List<String> commands(PrReport report, Map<String, String> dockerfiles) {
    List<String> lines = new ArrayList<>();
    for (ImageReport image : report.images()) {
      String path = dockerfiles.get(image.name());
      if (path == null) {
        continue;
      }
      CheckMapping.annotations(image, path).stream()
          .map(WorkflowCommand::annotation)
          .forEach(lines::add);
    }
    return lines;
  }
}
