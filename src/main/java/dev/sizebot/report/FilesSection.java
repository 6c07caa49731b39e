package dev.sizebot.report;

import static dev.sizebot.report.Numbers.bytes;
import static dev.sizebot.report.Numbers.delta;

import dev.sizebot.diff.DirectoryChange;
import dev.sizebot.diff.FileChange;
import dev.sizebot.diff.FileDiff;
import dev.sizebot.diff.StepRef;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The file-changes section: counts per kind, the largest changes, and per directory when long. */
final class FilesSection {
  private FilesSection() {}

  static void render(StringBuilder md, FileDiff files, int top) {
    md.append("### File changes\n\n");
    if (files.total() == 0) {
      md.append("No file changed.\n\n");
      return;
    }
    md.append(
            files.kinds().stream()
                .filter(k -> k.count() > 0)
                .map(
                    k ->
                        k.count()
                            + " "
                            + k.kind().name().toLowerCase(Locale.ROOT)
                            + " ("
                            + delta(k.delta())
                            + ")")
                .collect(Collectors.joining(" · ")))
        .append("\n\n");
    md.append("| change | path | base | head | Δ | written by step |\n");
    md.append("|---|---|---:|---:|---:|---|\n");
    for (FileChange c : files.largest()) {
      CompareMarkdown.row(
          md,
          c.kind().name().toLowerCase(Locale.ROOT),
          Markdown.codeCell(c.path().value()),
          c.baseStep().isPresent() ? bytes(c.baseSize()) : "—",
          c.headStep().isPresent() ? bytes(c.headSize()) : "—",
          delta(c.delta()),
          c.headStep().isPresent() ? step(c.headStep()) : "base " + step(c.baseStep()));
    }
    md.append('\n');
    if (files.total() > files.largest().size()) {
      md.append("Largest ")
          .append(files.largest().size())
          .append(" of ")
          .append(files.total())
          .append(" changed paths shown. By directory:\n\n");
      md.append("| directory | files | added | removed | changed | Δ |\n");
      md.append("|---|---:|---:|---:|---:|---:|\n");
      for (DirectoryChange d : files.directories().stream().limit(top).toList()) {
        CompareMarkdown.row(
            md,
            Markdown.codeCell(d.directory().value()),
            d.files() + "",
            d.added() + "",
            d.removed() + "",
            d.changed() + "",
            delta(d.delta()));
      }
      md.append('\n');
    }
  }

  private static String step(Optional<StepRef> step) {
    return step.map(
            s ->
                s.index()
                    + " "
                    + Markdown.codeCell(StepsSection.shorten(s.instruction()))
                    + s.line().map(l -> " (line " + l + ")").orElse(""))
        .orElse("");
  }
}
