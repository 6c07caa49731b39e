package dev.sizebot.report;

import static dev.sizebot.report.Numbers.bytes;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The body of the sticky audit issue: where each image of the default branch stands, what got worse
 * since the last audit, the fixes that save the most, and a Mermaid {@code xychart-beta} of size
 * over time per image (GitHub renders Mermaid in issues).
 */
public final class AuditMarkdown {
  /** First line of the issue body: how the audit finds its issue again. */
  public static final String MARKER = "<!-- sizebot:audit v1 -->";

  static final int TOP_FIXES = 10;

  private AuditMarkdown() {}

  /**
   * @param history every point so far, today's included
   * @param images today's reports (the head side is the branch as built)
   */
  public static String render(
      AuditHistory history, List<ImageReport> images, String branch, String commit, String date) {
    StringBuilder md = new StringBuilder(MARKER).append('\n');
    md.append("## 🐳 sizebot audit of ")
        .append(Markdown.code(branch, 100))
        .append(" — ")
        .append(Markdown.text(date))
        .append("\n\n");
    long savings = images.stream().mapToLong(ImageReport::savings).sum();
    md.append("Commit ")
        .append(Markdown.code(commit.length() > 12 ? commit.substring(0, 12) : commit))
        .append(" · ")
        .append(images.size())
        .append(images.size() == 1 ? " image" : " images");
    if (savings > 0) {
      md.append(" · suggested fixes could save ~").append(bytes(savings));
    }
    md.append("\n\n");
    table(md, history, images, date);
    worse(md, history, images, date);
    fixes(md, images);
    charts(md, history, images);
    return md.toString();
  }

  private static void table(
      StringBuilder md, AuditHistory history, List<ImageReport> images, String date) {
    md.append(
            "| image | platform | size | compressed | wasted | fixes could save | since last audit |\n")
        .append("|---|---|---:|---:|---:|---:|---|\n");
    for (ImageReport image : images) {
      Optional<ImageTotals> now = image.head().image();
      CompareMarkdown.row(
          md,
          Markdown.text(image.name()),
          Markdown.codeCell(image.platform()),
          now.map(t -> bytes(t.size())).orElse("build failed"),
          now.map(t -> bytes(t.compressedSize())).orElse("—"),
          now.flatMap(ImageTotals::wastedBytes).map(Numbers::bytes).orElse("—"),
          image.savings() > 0 ? bytes(image.savings()) : "—",
          since(history, image, date));
    }
    md.append('\n');
  }

  private static String since(AuditHistory history, ImageReport image, String date) {
    Optional<AuditHistory.Point> last = history.before(image.name(), image.platform(), date);
    Optional<ImageTotals> now = image.head().image();
    if (last.isEmpty() || now.isEmpty()) {
      return last.isEmpty() ? "first audit" : "—";
    }
    SizeChange change = new SizeChange(last.get().size(), now.get().size());
    return Numbers.deltaWithPercent(change.delta(), change.percent())
        + " since "
        + Markdown.text(last.get().date());
  }

  private static void worse(
      StringBuilder md, AuditHistory history, List<ImageReport> images, String date) {
    List<String> lines = new ArrayList<>();
    boolean anyBefore = false;
    for (ImageReport image : images) {
      Optional<AuditHistory.Point> last = history.before(image.name(), image.platform(), date);
      anyBefore |= last.isPresent();
      Optional<ImageTotals> now = image.head().image();
      if (last.isEmpty() || now.isEmpty()) {
        continue;
      }
      SizeChange size = new SizeChange(last.get().size(), now.get().size());
      long wasted = now.get().wastedBytes().orElse(0L) - last.get().wastedBytes();
      if (size.delta() > image.budget().noiseFloor() || wasted > image.budget().noiseFloor()) {
        lines.add(
            "- **"
                + Markdown.text(image.name())
                + "** ("
                + Markdown.code(image.platform())
                + "): "
                + Numbers.deltaWithPercent(size.delta(), size.percent())
                + " since "
                + Markdown.text(last.get().date())
                + " ("
                + Markdown.code(abbrev(last.get().commit()))
                + "); wasted "
                + Numbers.delta(wasted));
      }
    }
    md.append("### 📈 Got worse since the last audit\n\n");
    if (!anyBefore) {
      md.append("First audit: there is no earlier point to compare with yet.\n\n");
    } else if (lines.isEmpty()) {
      md.append("Nothing grew by more than the noise floor since the last audit.\n\n");
    } else {
      md.append(String.join("\n", lines)).append("\n\n");
    }
  }

  private static void fixes(StringBuilder md, List<ImageReport> images) {
    record Fix(ImageReport image, FindingRow finding) {}
    List<Fix> all = new ArrayList<>();
    images.forEach(i -> i.findings().forEach(f -> all.add(new Fix(i, f))));
    if (all.isEmpty()) {
      return;
    }
    all.sort(
        Comparator.comparingLong((Fix f) -> -f.finding().savingsBytes().orElse(0L))
            .thenComparing(f -> f.image().name())
            .thenComparingInt(f -> f.finding().startLine()));
    md.append("### 💡 Fixes that save the most\n\n")
        .append("| image | rule | line | saves | fix |\n|---|---|---:|---:|---|\n");
    for (Fix f : all.subList(0, Math.min(TOP_FIXES, all.size()))) {
      FindingRow r = f.finding();
      CompareMarkdown.row(
          md,
          Markdown.text(f.image().name()),
          Markdown.text(r.ruleId() + " " + r.title()),
          String.valueOf(r.startLine()),
          r.savingsBytes().map(Numbers::bytes).orElse("—"),
          Markdown.prose(r.fix().map(FindingRow.Patch::description).orElse(r.message()), 200));
    }
    if (all.size() > TOP_FIXES) {
      md.append("\n").append(all.size() - TOP_FIXES).append(" more in the job summary's report.\n");
    }
    md.append('\n');
  }

  private static void charts(StringBuilder md, AuditHistory history, List<ImageReport> images) {
    md.append("### Size over time\n\n");
    for (ImageReport image : images) {
      List<AuditHistory.Point> points = history.of(image.name(), image.platform());
      if (points.isEmpty()) {
        continue;
      }
      double max = points.stream().mapToLong(AuditHistory.Point::size).max().orElse(0) / 1e6;
      md.append("```mermaid\nxychart-beta\n    title \"")
          .append(mermaidText(image.name() + " (" + image.platform() + "), MB"))
          .append("\"\n    x-axis [")
          .append(String.join(", ", points.stream().map(p -> "\"" + p.date() + "\"").toList()))
          .append("]\n    y-axis \"MB\" 0 --> ")
          .append(String.format(Locale.ROOT, "%.0f", Math.ceil(max * 1.1) + 1))
          .append("\n    line [")
          .append(
              String.join(
                  ", ",
                  points.stream()
                      .map(p -> String.format(Locale.ROOT, "%.1f", p.size() / 1e6))
                      .toList()))
          .append("]\n```\n\n");
    }
  }

  // Inside a quoted Mermaid title only quotes, backticks and newlines could end or break it.
  private static String mermaidText(String s) {
    return s.replaceAll("[\"`\\r\\n]", "'");
  }

  private static String abbrev(String sha) {
    return sha.length() > 7 ? sha.substring(0, 7) : sha;
  }

  /** Today's points of {@code images} for the history. */
  public static List<AuditHistory.Point> points(
      List<ImageReport> images, String commit, String date) {
    List<AuditHistory.Point> out = new ArrayList<>();
    for (ImageReport image : images) {
      image
          .head()
          .image()
          .ifPresent(
              t ->
                  out.add(
                      new AuditHistory.Point(
                          date,
                          commit,
                          image.name(),
                          image.platform(),
                          t.size(),
                          t.compressedSize(),
                          t.wastedBytes().orElse(0L),
                          image.savings())));
    }
    return out;
  }
}
