package dev.sizebot.report;

import static dev.sizebot.report.Numbers.bytes;
import static dev.sizebot.report.Numbers.delta;
import static dev.sizebot.report.Numbers.deltaWithPercent;

import dev.sizebot.diff.Percent;
import dev.sizebot.report.Verdict.Outcome;
import java.util.List;
import java.util.Optional;

/** One image in the PR comment: headline, refs and budget, reasons, summary table, sections. */
final class CommentImage {
  static final int NAME_CHARS = 80;
  static final int REF_CHARS = 60;
  static final int REASON_CHARS = 300;
  static final int LOG_LINES = 20;
  static final int LOG_LINE_CHARS = 300;

  private CommentImage() {}

  static void render(
      StringBuilder md,
      PrReport report,
      ImageReport image,
      CommentOptions options,
      Detail detail,
      int depth) {
    md.append("#".repeat(depth)).append(' ').append(headline(image)).append("\n\n");
    md.append(status(image)).append("\n\n");
    reasons(md, image, options);
    slower(md, image);
    if (depth == 3 && detail != Detail.FULL) {
      md.append(Truncation.note(detail, options)).append("\n\n");
    }
    image.failures().forEach(f -> failure(md, f, detail));
    SummaryTable.render(md, report, image);
    startupFailures(md, image, detail);
    String sub = "#".repeat(depth + 1) + " ";
    if (detail.steps()) {
      CommentSteps.render(md, sub, image.steps());
    }
    if (detail.files()) {
      CommentFiles.render(md, sub, image.files());
    } else if (image.files().total() > 0) {
      md.append(sub).append("Largest file changes\n\n").append(CommentFiles.kinds(image.files()));
      md.append(" (list left out)\n\n");
    }
    if (detail != Detail.MINIMAL) {
      CommentFiles.config(md, sub, image.config());
    }
    CommentFixes.render(md, sub, image.findings(), detail);
  }

  static String icon(Outcome outcome, boolean noChange) {
    return switch (outcome) {
      case FAIL -> "🔴";
      case WARN -> "🟡";
      case PASS -> noChange ? "⚪" : "🟢";
    };
  }

  // "🐳 api — 🔴 +805 MB (+374.0 %) · compressed +298 MB"
  static String headline(ImageReport image) {
    String name = Markdown.prose(image.name(), NAME_CHARS);
    String icon = icon(image.verdict().outcome(), image.verdict().noChange());
    Optional<SizeChange> change = image.change();
    if (change.isEmpty()) {
      String failed =
          image.failures().stream()
              .map(f -> f.side())
              .distinct()
              .reduce((a, b) -> a + " and " + b)
              .orElse("a side");
      return "🐳 " + name + " — " + icon + " " + Markdown.prose(failed, 20) + " build failed";
    }
    SizeChange c = change.get();
    long compressed =
        image.head().image().orElseThrow().compressedSize()
            - image.base().image().orElseThrow().compressedSize();
    String size =
        image.verdict().noChange()
            ? "no change (" + delta(c.delta()) + ")"
            : deltaWithPercent(c.delta(), c.percent());
    return "🐳 " + name + " — " + icon + " " + size + " · compressed " + delta(compressed);
  }

  // "`linux/amd64` · base `main@1a2b3c4` → head `feature@5d6e7f8` · budget: exceeded"
  private static String status(ImageReport image) {
    return Markdown.code(image.platform(), 40)
        + " · base "
        + ref(image.base())
        + " → head "
        + ref(image.head())
        + " · "
        + budget(image);
  }

  private static String ref(SideReport side) {
    String commit = side.commit().map(c -> "@" + Markdown.clip(c, 12)).orElse("");
    return Markdown.code(Markdown.clip(side.label(), REF_CHARS) + commit);
  }

  private static String budget(ImageReport image) {
    if (image.change().isEmpty()) {
      return "budget: not judged, the build failed";
    }
    if (image.budget().unlimited()) {
      return "no budget set";
    }
    return switch (image.verdict().outcome()) {
      case FAIL -> "budget: **exceeded**";
      case WARN -> "budget: **warning**";
      case PASS -> "budget: within";
    };
  }

  private static void reasons(StringBuilder md, ImageReport image, CommentOptions options) {
    if (image.verdict().outcome() == Outcome.PASS) {
      return;
    }
    // A failed build's reasons are its failure summaries, shown in full right below.
    List<String> reasons = image.failures().isEmpty() ? image.verdict().reasons() : List.of();
    for (String reason : reasons) {
      md.append("- ").append(Markdown.prose(reason, REASON_CHARS)).append('\n');
    }
    md.append(reasons.isEmpty() ? "" : "\n");
    if (image.verdict().outcome() == Outcome.FAIL) {
      md.append("To accept this anyway, apply the label ")
          .append(Markdown.code(options.overrideLabel(), 50))
          .append(" (")
          .append(Markdown.prose(options.overrideWho(), 200))
          .append(" can): the check turns neutral.\n\n");
    }
  }

  // Not a budget (the verdict is about size), but a reviewer should not miss it: a median at least
  // SLOWER_PERCENT and SLOWER_MS slower is called out under the headline.
  static final double SLOWER_PERCENT = 20;
  static final long SLOWER_MS = 100;

  private static void slower(StringBuilder md, ImageReport image) {
    Optional<Long> b = median(image.base());
    Optional<Long> h = median(image.head());
    if (b.isEmpty() || h.isEmpty() || b.get() == 0) {
      return;
    }
    long d = h.get() - b.get();
    if (d >= SLOWER_MS && d * 100.0 / b.get() >= SLOWER_PERCENT) {
      md.append("⏱️ Startup is slower: ")
          .append(Numbers.durationDelta(b.get() / 1000.0, h.get() / 1000.0))
          .append(", median of ")
          .append(image.head().startup().orElseThrow().runs())
          .append(" runs.\n\n");
    }
  }

  private static Optional<Long> median(SideReport side) {
    return side.startup()
        .filter(SideStartup::succeeded)
        .flatMap(SideStartup::timeToReadyMs)
        .map(SideStartup.Stats::median);
  }

  private static void failure(StringBuilder md, BuildFailure f, Detail detail) {
    md.append("**").append(Markdown.prose(f.side(), 20)).append(" build failed");
    f.line().ifPresent(line -> md.append(" at line ").append(line));
    md.append("**");
    f.step().ifPresent(step -> md.append(" (").append(Markdown.code(step, 200)).append(')'));
    md.append(Markdown.prose(f.exitPhrase(), 100)).append("\n\n");
    log(md, f.lastLines(), detail);
  }

  private static void log(StringBuilder md, List<String> lines, Detail detail) {
    if (lines.isEmpty() || detail == Detail.MINIMAL) {
      return;
    }
    List<String> last = lines.subList(Math.max(0, lines.size() - LOG_LINES), lines.size());
    String text =
        String.join("\n", last.stream().map(l -> Markdown.clip(l, LOG_LINE_CHARS)).toList());
    md.append(Markdown.block("text", text)).append('\n');
  }

  private static void startupFailures(StringBuilder md, ImageReport image, Detail detail) {
    for (SideReport side : List.of(image.base(), image.head())) {
      if (side.startup().isEmpty() || side.startup().get().failure().isEmpty()) {
        continue;
      }
      String which = side == image.base() ? "base" : "head";
      md.append("**")
          .append(which)
          .append(" startup failed** (")
          .append(Markdown.prose(side.startup().get().failure().get(), REASON_CHARS))
          .append(")\n\n");
      log(md, side.startup().get().lastLogLines(), detail);
    }
  }

  /** The combined comment's first table: one row per image and platform. */
  static void overview(StringBuilder md, List<ImageReport> images) {
    md.append("| image | platform | base | head | Δ | verdict |\n|---|---|---:|---:|---:|---|\n");
    for (ImageReport i : images) {
      Optional<SizeChange> c = i.change();
      CommentRow.append(
          md,
          Markdown.prose(i.name(), NAME_CHARS),
          Markdown.codeCell(i.platform(), 40),
          c.map(x -> bytes(x.base())).orElse("—"),
          c.map(x -> bytes(x.head())).orElse("—"),
          c.map(
                  x ->
                      i.verdict().noChange()
                          ? "no change"
                          : deltaWithPercent(x.delta(), Percent.of(x.base(), x.head())))
              .orElse("build failed"),
          icon(i.verdict().outcome(), i.verdict().noChange())
              + " "
              + i.verdict().outcome().label());
    }
    md.append('\n');
  }
}
