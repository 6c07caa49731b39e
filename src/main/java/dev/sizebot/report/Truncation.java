package dev.sizebot.report;

/** What a shortened comment says about itself, and where the full report is. */
final class Truncation {
  private Truncation() {}

  static String note(Detail detail, CommentOptions options) {
    return "> ✂️ Shortened to fit GitHub's "
        + String.format(java.util.Locale.ROOT, "%,d", options.maxChars())
        + "-character comment limit: "
        + pointer(options, detail.dropped());
  }

  /**
   * {@code … left out here; the full report is in the job summary and the sizebot-report artifact}.
   */
  static String pointer(CommentOptions options, String what) {
    String summary =
        options.runUrl().map(url -> "[job summary](" + url + ")").orElse("job summary");
    return what
        + " left out here. The full report is in the "
        + summary
        + " and the "
        + Markdown.code(options.artifactName(), 100)
        + " artifact (JSON).";
  }
}
