package dev.sizebot.report;

import static dev.sizebot.report.Numbers.bytes;
import static dev.sizebot.report.Numbers.delta;

import dev.sizebot.diff.Match;
import dev.sizebot.diff.Step;
import dev.sizebot.diff.StepChange;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

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
      // Lines are known only when a Dockerfile was given; an always-empty column is noise.
      boolean lines = changed.stream().anyMatch(c -> c.shown().line().isPresent());
      md.append("| step | instruction |")
          .append(lines ? " line |" : "")
          .append(" base | head | Δ | compressed Δ | change |\n")
          .append("|---:|---|")
          .append(lines ? "---:|" : "")
          .append("---:|---:|---:|---:|---|\n");
      // When some layers' compressed sizes were measured (compressed blobs) and others estimated,
      // each estimate is marked; when all are of one kind the headline says which.
      List<Step> layered =
          steps.stream()
              .flatMap(s -> Stream.concat(s.base().stream(), s.head().stream()))
              .filter(s -> s.layer().isPresent())
              .toList();
      boolean mixed =
          layered.stream().anyMatch(Step::compressedExact)
              && layered.stream().anyMatch(s -> !s.compressedExact());
      for (StepChange c : changed) {
        List<String> cells = new ArrayList<>();
        cells.add(index(c));
        cells.add(Markdown.codeCell(shorten(c.shown().instruction().text())));
        if (lines) {
          cells.add(c.shown().line().map(String::valueOf).orElse(""));
        }
        cells.add(c.base().isPresent() ? bytes(c.baseSize()) : "—");
        cells.add(c.head().isPresent() ? bytes(c.headSize()) : "—");
        cells.add(Numbers.deltaWithPercent(c.delta(), c.percent()));
        cells.add((mixed && !c.compressedExact() ? "~" : "") + delta(c.compressedDelta()));
        cells.add(label(c));
        CompareMarkdown.row(md, cells.toArray(String[]::new));
      }
      if (mixed && changed.stream().anyMatch(c -> !c.compressedExact())) {
        md.append(
            "\n~ estimated: the size a gzip push would transfer; the others were measured.\n");
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

  // Step numbers as a reader follows them: "3" when the step kept its place, "3 → 4" when steps
  // before it came or went, "4 (new)" for a step only head has (its head number, as the file table
  // cites it), "3 (removed)" for one only base had.
  static String index(StepChange c) {
    if (c.base().isEmpty()) {
      return c.head().orElseThrow().index() + " (new)";
    }
    int b = c.base().get().index();
    if (c.head().isEmpty()) {
      return b + " (removed)";
    }
    int h = c.head().get().index();
    return b == h ? Integer.toString(b) : b + " → " + h;
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
