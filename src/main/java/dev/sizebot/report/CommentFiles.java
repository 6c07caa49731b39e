package dev.sizebot.report;

import static dev.sizebot.report.Numbers.bytes;
import static dev.sizebot.report.Numbers.delta;

import dev.sizebot.diff.ConfigChange;
import dev.sizebot.diff.StepRef;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** The largest file changes (collapsed when long) and the config changes. */
final class CommentFiles {
  /** Rows shown open; a longer list goes into a details block. */
  static final int OPEN_ROWS = 10;

  static final int PATH_CHARS = 160;

  private CommentFiles() {}

  static void render(StringBuilder md, String heading, FileChanges files) {
    if (files.total() == 0) {
      return;
    }
    md.append(heading).append("Largest file changes\n\n").append(kinds(files)).append("\n\n");
    boolean collapse = files.largest().size() > OPEN_ROWS;
    if (collapse) {
      md.append("<details><summary>The largest ")
          .append(files.largest().size())
          .append(" of ")
          .append(String.format(java.util.Locale.ROOT, "%,d", files.total()))
          .append(" changed paths</summary>\n\n");
    }
    md.append(
        "| change | path | base | head | Δ | written by step |\n|---|---|---:|---:|---:|---|\n");
    for (FileChanges.Row r : files.largest()) {
      CommentRow.append(
          md,
          r.kind(),
          Markdown.codeCell(r.path(), PATH_CHARS),
          r.baseStep().isPresent() ? bytes(r.baseSize()) : "—",
          r.headStep().isPresent() ? bytes(r.headSize()) : "—",
          delta(r.delta()),
          r.headStep().isPresent() ? step(r.headStep()) : "base " + step(r.baseStep()));
    }
    md.append('\n');
    if (collapse) {
      md.append("</details>\n\n");
    }
    if (files.total() > files.largest().size() && !files.directories().isEmpty()) {
      md.append("<details><summary>By directory</summary>\n\n")
          .append("| directory | added | removed | changed | Δ |\n|---|---:|---:|---:|---:|\n");
      for (FileChanges.Directory d : files.directories()) {
        CommentRow.append(
            md,
            Markdown.codeCell(d.directory(), PATH_CHARS),
            d.added() + "",
            d.removed() + "",
            d.changed() + "",
            delta(d.delta()));
      }
      md.append("\n</details>\n\n");
    }
  }

  /** {@code 3 added (+412 MB) · 1 grown (+103 MB)}. */
  static String kinds(FileChanges files) {
    return files.kinds().stream()
        .map(
            k ->
                String.format(java.util.Locale.ROOT, "%,d", k.count())
                    + " "
                    + k.kind()
                    + " ("
                    + delta(k.deltaBytes())
                    + ")")
        .collect(Collectors.joining(" · "));
  }

  private static String step(Optional<StepRef> step) {
    return step.map(s -> "step " + s.index() + s.line().map(l -> " (line " + l + ")").orElse(""))
        .orElse("");
  }

  static void config(StringBuilder md, String heading, List<ConfigChange> config) {
    if (config.isEmpty()) {
      return;
    }
    md.append(heading).append("Config changes\n\n| setting | base | head |\n|---|---|---|\n");
    for (ConfigChange c : config) {
      String name = c.field() + c.key().map(k -> " " + k).orElse("");
      CommentRow.append(md, Markdown.codeCell(name, 100), value(c.base()), value(c.head()));
    }
    md.append('\n');
  }

  private static String value(Optional<String> v) {
    return v.map(s -> Markdown.codeCell(s, 200)).orElse("—");
  }
}
