package dev.sizebot.pipeline;

import dev.sizebot.common.ByteSize;
import dev.sizebot.github.Annotation;
import dev.sizebot.github.CheckRequest;
import dev.sizebot.github.Conclusion;
import dev.sizebot.github.Suggestion;
import dev.sizebot.report.FindingRow;
import dev.sizebot.report.ImageReport;
import dev.sizebot.report.SizeChange;
import dev.sizebot.report.Verdict;
import java.util.List;
import java.util.Optional;

/**
 * One image's report as GitHub's check run, annotations and review suggestions. The check's text is
 * the comment itself, so the two cannot disagree.
 */
final class CheckMapping {
  private CheckMapping() {}

  static CheckRequest check(
      ImageReport image,
      String headSha,
      String comment,
      Optional<String> dockerfile,
      Optional<String> runUrl) {
    return CheckRequest.forImage(
        image.name(),
        headSha,
        conclusion(image.verdict()),
        title(image),
        summary(image),
        clip(comment, CheckRequest.MAX_TEXT),
        dockerfile.map(path -> annotations(image, path)).orElse(List.of()),
        runUrl);
  }

  static Conclusion conclusion(Verdict verdict) {
    return switch (verdict.outcome()) {
      case PASS -> Conclusion.SUCCESS;
      // A warning must be seen but must not block a merge: neutral shows as a grey check.
      case WARN -> Conclusion.NEUTRAL;
      case FAIL -> Conclusion.FAILURE;
    };
  }

  /** "+787 MB (+365.7 %) · fail", or "no change · pass", or "build failed · fail". */
  static String title(ImageReport image) {
    String outcome = image.verdict().outcome().label();
    if (!image.failures().isEmpty()) {
      return "build failed · " + outcome;
    }
    if (image.verdict().noChange()) {
      return "no change · " + outcome;
    }
    return image.change().map(SizeChange::text).orElse("not compared") + " · " + outcome;
  }

  private static String summary(ImageReport image) {
    StringBuilder md = new StringBuilder();
    if (image.verdict().reasons().isEmpty()) {
      md.append("Within budget.\n");
    }
    for (String reason : image.verdict().reasons()) {
      md.append("- ").append(dev.sizebot.report.Markdown.text(reason)).append('\n');
    }
    return md.toString();
  }

  static List<Annotation> annotations(ImageReport image, String dockerfile) {
    return image.findings().stream()
        .map(
            f ->
                new Annotation(
                    dockerfile,
                    f.startLine(),
                    f.endLine(),
                    level(f.severity()),
                    f.ruleId() + " · " + f.title(),
                    f.message()
                        + f.savingsBytes()
                            .map(b -> " (saves ~" + ByteSize.of(b).human() + ")")
                            .orElse("")))
        .toList();
  }

  private static Annotation.Level level(String severity) {
    return switch (severity) {
      case "error" -> Annotation.Level.FAILURE;
      case "warning" -> Annotation.Level.WARNING;
      default -> Annotation.Level.NOTICE;
    };
  }

  /** Fixes that replace Dockerfile lines, as review suggestions on those lines. */
  static List<Suggestion> suggestions(ImageReport image, String dockerfile) {
    return image.findings().stream().flatMap(f -> suggestion(f, dockerfile).stream()).toList();
  }

  private static Optional<Suggestion> suggestion(FindingRow f, String dockerfile) {
    return f.fix()
        .filter(p -> p.kind().equals("replacement"))
        .filter(p -> p.startLine().isPresent() && p.endLine().isPresent())
        .map(
            p ->
                new Suggestion(
                    dockerfile,
                    p.startLine().get(),
                    p.endLine().get(),
                    p.text(),
                    "**"
                        + f.ruleId()
                        + " · "
                        + dev.sizebot.report.Markdown.text(f.title())
                        + "**"
                        + f.savingsBytes()
                            .map(b -> " · saves ~" + ByteSize.of(b).human())
                            .orElse("")
                        + "\n\n"
                        + dev.sizebot.report.Markdown.text(f.why())));
  }

  private static String clip(String text, int max) {
    if (text.length() <= max) {
      return text;
    }
    String end = "\n\n_(cut to GitHub's limit: the full report is in the job summary)_\n";
    return text.substring(0, text.lastIndexOf('\n', max - end.length()) + 1) + end;
  }
}
