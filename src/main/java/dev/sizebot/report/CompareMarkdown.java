package dev.sizebot.report;

import static dev.sizebot.report.Numbers.bytes;
import static dev.sizebot.report.Numbers.delta;
import static dev.sizebot.report.Numbers.deltaWithPercent;

import dev.sizebot.diff.BaseImageDrift;
import dev.sizebot.diff.ConfigChange;
import dev.sizebot.diff.ImageDiff;
import dev.sizebot.diff.ImageSummary;
import dev.sizebot.diff.Percent;
import java.util.Optional;

/**
 * The plain markdown report of {@code sizebot compare}: headline, totals, base-image drift, changed
 * steps, file changes, config changes. Everything that came from an image, a Dockerfile or a build
 * log is escaped through {@link Markdown}.
 */
public final class CompareMarkdown {
  private CompareMarkdown() {}

  public static String render(CompareReport report, int top) {
    StringBuilder md = new StringBuilder();
    md.append("## sizebot compare: ")
        .append(Markdown.text(report.base().label()))
        .append(" → ")
        .append(Markdown.text(report.head().label()))
        .append("\n\n");
    for (BuildFailure failure : report.failures()) {
      failure(md, failure);
    }
    report.diff().ifPresent(diff -> diff(md, report, diff, top));
    compared(md, report);
    return md.toString();
  }

  // "**head build failed at line 5** (`RUN make`): the step exited with 2". The step is a code
  // span, not escaped text: a Dockerfile instruction full of brackets and dashes stays readable
  // in a terminal as well as on GitHub.
  private static void failure(StringBuilder md, BuildFailure failure) {
    md.append("**").append(Markdown.text(failure.side())).append(" build failed");
    failure.line().ifPresent(line -> md.append(" at line ").append(line));
    md.append("**");
    failure.step().ifPresent(step -> md.append(" (").append(Markdown.code(step)).append(')'));
    md.append(Markdown.text(failure.exitPhrase())).append("\n\n");
    if (!failure.lastLines().isEmpty()) {
      md.append(Markdown.block("text", String.join("\n", failure.lastLines()))).append('\n');
    }
  }

  private static void diff(StringBuilder md, CompareReport report, ImageDiff diff, int top) {
    md.append("**")
        .append(deltaWithPercent(diff.delta(), diff.percent()))
        .append("** · compressed ")
        .append(delta(diff.compressedDelta()))
        .append(
            diff.base().compressedExact() && diff.head().compressedExact() ? "" : " (estimated)")
        .append("\n\n");
    totals(md, diff, report.startup());
    report.startup().ifPresent(s -> StartupSection.failures(md, s));
    drift(md, diff);
    StepsSection.render(md, diff.steps());
    FilesSection.render(md, diff.files(), top);
    config(md, diff);
  }

  private static void totals(
      StringBuilder md, ImageDiff diff, Optional<StartupComparison> startup) {
    ImageSummary b = diff.base();
    ImageSummary h = diff.head();
    md.append("| | base | head | Δ |\n|---|---:|---:|---:|\n");
    row(
        md,
        "size",
        bytes(b.size()),
        bytes(h.size()),
        deltaWithPercent(diff.delta(), diff.percent()));
    row(
        md,
        "compressed",
        bytes(b.compressedSize()),
        bytes(h.compressedSize()),
        deltaWithPercent(
            diff.compressedDelta(), Percent.of(b.compressedSize(), h.compressedSize())));
    row(md, "layers", b.layers() + "", h.layers() + "", Numbers.signed(h.layers() - b.layers()));
    row(md, "steps", b.steps() + "", h.steps() + "", Numbers.signed(h.steps() - b.steps()));
    row(md, "files", b.files() + "", h.files() + "", Numbers.signed(h.files() - b.files()));
    if (b.wastedBytes().isPresent() && h.wastedBytes().isPresent()) {
      row(
          md,
          "wasted",
          bytes(b.wastedBytes().get()),
          bytes(h.wastedBytes().get()),
          delta(diff.wasteDelta().orElseThrow()));
    }
    startup.ifPresent(s -> StartupSection.rows(md, s));
    md.append('\n');
  }

  static void row(StringBuilder md, String... cells) {
    md.append("| ").append(String.join(" | ", cells)).append(" |\n");
  }

  private static void drift(StringBuilder md, ImageDiff diff) {
    BaseImageDrift drift = diff.drift();
    if (!drift.known()) {
      // Unknown drift means image sides compared without --dockerfile (a build knows its
      // Dockerfile, unless sizebot's parser rejected a file BuildKit accepted), so name the option.
      md.append("Base image: not determined without the Dockerfile (pass --dockerfile to tell")
          .append(" base-image drift apart), so all of the Δ is shown as the build's.\n\n");
    } else if (drift.drifted()) {
      md.append("Base image **changed**: ")
          .append(deltaWithPercent(drift.delta(), Percent.of(drift.baseSize(), drift.headSize())))
          .append(" (")
          .append(bytes(drift.baseSize()))
          .append(" → ")
          .append(bytes(drift.headSize()))
          .append("); the build's own steps: ")
          .append(delta(diff.buildDelta()))
          .append(".\n\n");
    } else {
      md.append("Base image: unchanged (")
          .append(bytes(drift.baseSize()))
          .append("); all of the Δ comes from the build's own steps.\n\n");
    }
  }

  private static void config(StringBuilder md, ImageDiff diff) {
    if (diff.config().isEmpty()) {
      return;
    }
    md.append("### Config changes\n\n| setting | base | head |\n|---|---|---|\n");
    for (ConfigChange c : diff.config()) {
      String name = c.field() + c.key().map(k -> " " + k).orElse("");
      row(md, Markdown.codeCell(name), value(c.base()), value(c.head()));
    }
    md.append('\n');
  }

  private static String value(Optional<String> v) {
    return v.map(Markdown::codeCell).orElse("—");
  }

  private static void compared(StringBuilder md, CompareReport report) {
    md.append("<details><summary>What was compared</summary>\n\n");
    for (Compared c : new Compared[] {report.base(), report.head()}) {
      md.append("- ")
          .append(Markdown.text(c.label()))
          .append(": ")
          .append(Markdown.text(c.source()));
      c.commit().ifPresent(commit -> md.append(" at ").append(Markdown.code(commit)));
      md.append('\n');
    }
    report
        .diff()
        .ifPresent(
            d ->
                md.append("- image IDs: ")
                    .append(Markdown.code(d.base().id().toString()))
                    .append(" → ")
                    .append(Markdown.code(d.head().id().toString()))
                    .append('\n'));
    md.append("\n</details>\n");
  }
}
