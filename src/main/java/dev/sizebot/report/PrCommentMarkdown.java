package dev.sizebot.report;

import dev.sizebot.report.Verdict.Outcome;
import java.util.List;

/**
 * The sticky PR comment (shape: DESIGN.md, "The PR comment"). By default one comment per image and
 * platform, identified by its first line, the hidden {@link #marker}; {@link #combined} renders all
 * images of a report as one comment for {@code sizebot merge}.
 *
 * <p>Everything from the PR or the image is escaped ({@link Markdown}). A body over {@link
 * CommentOptions#maxChars()} is rendered again with less detail ({@link Detail}) and says what it
 * left out and where the full report is.
 *
 * <p>Headline icons: 🔴 fail, 🟡 warn, ⚪ no change (under the noise floor), 🟢 any other pass
 * (growth within budget or a shrink).
 */
public final class PrCommentMarkdown {
  /** The marker of the combined comment {@link #combined} renders. */
  public static final String COMBINED_MARKER = "<!-- sizebot:v1 combined -->";

  private PrCommentMarkdown() {}

  /**
   * {@code <!-- sizebot:v1 image=api platform=linux/amd64 -->}. Characters outside {@code
   * [A-Za-z0-9._/-]} become {@code _} and dash runs one dash, so an image name cannot end the HTML
   * comment or collide with another marker's syntax.
   */
  public static String marker(String image, String platform) {
    return "<!-- sizebot:v1 image="
        + markerValue(image)
        + " platform="
        + markerValue(platform)
        + " -->";
  }

  private static String markerValue(String value) {
    // "--" may not occur inside an HTML comment (HTML spec, "Comments"), so a run of dashes keeps
    // one.
    String safe =
        Markdown.clip(value, 100).replaceAll("[^A-Za-z0-9._/-]", "_").replaceAll("-{2,}", "-");
    return safe.isEmpty() ? "_" : safe;
  }

  /** The comment for one image of {@code report}, at most {@code options.maxChars()} characters. */
  public static String render(PrReport report, ImageReport image, CommentOptions options) {
    if (!report.images().contains(image)) {
      throw new IllegalArgumentException("image " + image.name() + " is not in the report");
    }
    return fit(options, detail -> single(report, image, options, detail));
  }

  /** One comment for every image of {@code report} (for {@code sizebot merge}). */
  public static String combined(PrReport report, CommentOptions options) {
    return fit(options, detail -> all(report, options, detail));
  }

  private static String fit(
      CommentOptions options, java.util.function.Function<Detail, String> body) {
    for (Detail detail : Detail.values()) {
      String md = body.apply(detail);
      if (md.length() <= options.maxChars()) {
        return md;
      }
    }
    return cut(body.apply(Detail.MINIMAL), options);
  }

  // The last resort (e.g. a merge of hundreds of images): whole lines up to the limit, then the
  // pointer to the full report. At MINIMAL detail no code block is open across lines.
  private static String cut(String md, CommentOptions options) {
    String end = "\n\n" + Truncation.pointer(options, "the rest of this comment") + "\n";
    int limit = options.maxChars() - end.length();
    int at = md.lastIndexOf('\n', limit);
    return md.substring(0, Math.max(at, 0)) + end;
  }

  private static String single(
      PrReport report, ImageReport image, CommentOptions options, Detail detail) {
    StringBuilder md = new StringBuilder(marker(image.name(), image.platform())).append('\n');
    CommentImage.render(md, report, image, options, detail, 3);
    CommentFooter.render(md, report, List.of(image), options);
    return md.toString();
  }

  private static String all(PrReport report, CommentOptions options, Detail detail) {
    StringBuilder md = new StringBuilder(COMBINED_MARKER).append('\n');
    md.append("### 🐳 sizebot — ")
        .append(report.images().size())
        .append(report.images().size() == 1 ? " image" : " images");
    for (Outcome o : new Outcome[] {Outcome.FAIL, Outcome.WARN, Outcome.PASS}) {
      long n = report.images().stream().filter(i -> i.verdict().outcome() == o).count();
      if (n > 0) {
        md.append(" · ")
            .append(CommentImage.icon(o, false))
            .append(' ')
            .append(n)
            .append(' ')
            .append(o.label());
      }
    }
    md.append("\n\n");
    CommentImage.overview(md, report.images());
    if (detail != Detail.FULL) {
      md.append(Truncation.note(detail, options)).append("\n\n");
    }
    for (ImageReport image : report.images()) {
      md.append("---\n\n");
      CommentImage.render(md, report, image, options, detail, 4);
    }
    CommentFooter.render(md, report, report.images(), options);
    return md.toString();
  }
}
