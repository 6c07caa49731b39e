package dev.sizebot.report;

import static dev.sizebot.report.Numbers.bytes;

import java.util.List;

/** Changed steps with their Dockerfile lines; unchanged steps collapsed in a details block. */
final class CommentSteps {
  private CommentSteps() {}

  static void render(StringBuilder md, String heading, List<StepRow> steps) {
    if (steps.isEmpty()) {
      return;
    }
    List<StepRow> changed = steps.stream().filter(StepRow::shown).toList();
    md.append(heading).append("Changed steps\n\n");
    if (changed.isEmpty()) {
      md.append("No step changed its instruction or size.\n\n");
    } else {
      md.append(
          "| step | instruction | line | base | head | Δ |\n|---:|---|---:|---:|---:|---:|\n");
      for (StepRow s : changed) {
        CommentRow.append(
            md,
            s.index(),
            Markdown.codeCell(StepsSection.shorten(s.instruction()))
                + (s.fromBaseImage() ? " (base image)" : ""),
            s.line().map(String::valueOf).orElse(""),
            s.baseIndex().isPresent() ? bytes(s.baseSize()) : "—",
            s.headIndex().isPresent() ? bytes(s.headSize()) : "—",
            Numbers.deltaWithPercent(s.delta(), s.percent()));
      }
      md.append('\n');
    }
    List<StepRow> same = steps.stream().filter(s -> !s.shown()).toList();
    if (same.isEmpty()) {
      return;
    }
    long sameBytes = same.stream().mapToLong(StepRow::headSize).sum();
    md.append("<details><summary>")
        .append(same.size())
        .append(same.size() == 1 ? " unchanged step (" : " unchanged steps (")
        .append(bytes(sameBytes))
        .append(")</summary>\n\n| step | instruction | line | size |\n|---:|---|---:|---:|\n");
    for (StepRow s : same) {
      CommentRow.append(
          md,
          s.index(),
          Markdown.codeCell(StepsSection.shorten(s.instruction())),
          s.line().map(String::valueOf).orElse(""),
          s.emptyLayer() ? "no layer" : bytes(s.headSize()));
    }
    md.append("\n</details>\n\n");
  }
}
