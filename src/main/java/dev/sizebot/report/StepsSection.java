package dev.sizebot.report;

import static dev.sizebot.report.Numbers.bytes;
import static dev.sizebot.report.Numbers.delta;

import dev.sizebot.diff.Match;
import dev.sizebot.diff.Step;
import dev.sizebot.diff.StepChange;
import java.util.List;
import java.util.Locale;

/** The changed-steps table; unchanged steps are counted, not listed. */
final class StepsSection {
  static final int INSTRUCTION_CHARS = 100;

  private StepsSection() {}

  static void render(StringBuilder md, List<StepChange> steps) {
    List<StepChange> changed = steps.stream().filter(StepsSection::shown).toList();
    List<StepChange> rebuilt =
        steps.stream().filter(s -> s.match() == Match.CHANGED && s.delta() == 0).toList();
    md.append("### Changed steps\n\n");
    if (changed.isEmpty()) {
      md.append("No step changed its instruction or size.\n\n");
    } else {
      md.append("| step | instruction | line | base | head | Δ | compressed Δ | change |\n");
      md.append("|---:|---|---:|---:|---:|---:|---:|---|\n");
      for (StepChange c : changed) {
        CompareMarkdown.row(
            md,
            index(c),
            Markdown.code(shorten(c.shown().instruction().text())),
            c.shown().line().map(String::valueOf).orElse(""),
            c.base().isPresent() ? bytes(c.baseSize()) : "—",
            c.head().isPresent() ? bytes(c.headSize()) : "—",
            Numbers.deltaWithPercent(c.delta(), c.percent()),
            delta(c.compressedDelta()),
            label(c));
      }
      md.append('\n');
    }
    if (!rebuilt.isEmpty()) {
      md.append(rebuilt.size())
          .append(rebuilt.size() == 1 ? " step" : " steps")
          .append(
              " rebuilt with the same instruction and size (new layer digest, e.g. file times): ")
          .append(
              rebuilt.stream()
                  .map(c -> Integer.toString(c.head().orElseThrow().index()))
                  .collect(java.util.stream.Collectors.joining(", ")))
          .append(".\n\n");
    }
    long unchanged = steps.stream().filter(s -> s.match() == Match.UNCHANGED).count();
    if (unchanged > 0) {
      long bytes =
          steps.stream()
              .filter(s -> s.match() == Match.UNCHANGED)
              .mapToLong(StepChange::headSize)
              .sum();
      md.append(unchanged)
          .append(unchanged == 1 ? " step" : " steps")
          .append(" unchanged (same layer digest or same empty-layer instruction, ")
          .append(bytes(bytes))
          .append(").\n\n");
    }
  }

  // A rebuilt step of the same size is noise for a reviewer: counted below the table, not listed.
  private static boolean shown(StepChange c) {
    return c.match() != Match.UNCHANGED && !(c.match() == Match.CHANGED && c.delta() == 0);
  }

  // "3" for a step on both sides at the same index, "2→3" when it moved, "-" for a missing side.
  private static String index(StepChange c) {
    String b = c.base().map(s -> Integer.toString(s.index())).orElse("–");
    String h = c.head().map(s -> Integer.toString(s.index())).orElse("–");
    return b.equals(h) ? b : b + "→" + h;
  }

  private static String label(StepChange c) {
    String match = c.match().name().toLowerCase(Locale.ROOT);
    boolean empty = c.head().or(c::base).map(Step::layer).orElseThrow().isEmpty();
    return match + (c.fromBaseImage() ? " (base image)" : "") + (empty ? " · no layer" : "");
  }

  static String shorten(String text) {
    return text.length() <= INSTRUCTION_CHARS
        ? text
        : text.substring(0, INSTRUCTION_CHARS - 1) + "…";
  }
}
