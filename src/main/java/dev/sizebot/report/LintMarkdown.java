package dev.sizebot.report;

import dev.sizebot.common.ByteSize;
import dev.sizebot.rules.Finding;
import dev.sizebot.rules.Fix;
import dev.sizebot.rules.LineRange;
import dev.sizebot.rules.LintResult;
import dev.sizebot.rules.Severity;

/**
 * {@code sizebot lint --format markdown}: findings for people, with exact patches as GitHub
 * suggestion blocks. Everything taken from the Dockerfile is escaped (it comes from a PR).
 */
public final class LintMarkdown {
  private LintMarkdown() {}

  public static String render(LintResult result) {
    StringBuilder out = new StringBuilder();
    out.append("## sizebot lint · ").append(Markdown.code(result.path())).append("\n\n");
    if (result.findings().isEmpty()) {
      return out.append("No findings ✅\n").toString();
    }
    out.append(summary(result)).append("\n");
    for (Finding finding : result.findings()) {
      out.append("\n").append(finding(finding));
    }
    return out.toString();
  }

  private static String counted(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  private static String summary(LintResult result) {
    int total = result.findings().size();
    StringBuilder line = new StringBuilder();
    line.append("**").append(total).append(total == 1 ? " finding" : " findings").append("**: ");
    line.append(counted(result.count(Severity.ERROR), "error")).append(" · ");
    line.append(counted(result.count(Severity.WARNING), "warning")).append(" · ");
    line.append(result.count(Severity.INFO)).append(" info");
    // Each proven byte once, however many findings name it.
    ByteSize savings = result.savings();
    if (savings.bytes() > 0) {
      line.append(" — could save ~").append(savings.human());
    }
    return line.toString();
  }

  private static String finding(Finding f) {
    StringBuilder out = new StringBuilder();
    out.append("### ").append(icon(f.severity())).append(' ').append(f.ruleId());
    out.append(" · ").append(Markdown.text(f.title()));
    out.append(" · ").append(lines(f.location())).append("\n\n");
    out.append(Markdown.text(f.message())).append("\n\n");
    out.append("_Why:_ ").append(Markdown.text(f.why()));
    if (!f.seeAlso().isEmpty()) {
      out.append(" See also: ").append(Markdown.text(String.join(", ", f.seeAlso()))).append('.');
    }
    out.append("\n");
    if (f.evidence().isPresent()) {
      out.append("\n_Evidence:_ ").append(Markdown.text(f.evidence().get()));
      f.savings().ifPresent(s -> out.append(" — saves ~").append(s.human()));
      out.append("\n");
    }
    f.fix().ifPresent(fix -> out.append("\n").append(fix(fix)));
    return out.toString();
  }

  private static String fix(Fix fix) {
    if (fix instanceof Fix.Replacement r) {
      return Markdown.text(r.description())
          + " — replace "
          + lines(r.lines())
          + " with:\n\n"
          + Markdown.block("suggestion", r.text());
    }
    Fix.Snippet s = (Fix.Snippet) fix;
    String language = Fix.Snippet.DOCKERFILE.equals(s.file()) ? "dockerfile" : "gitignore";
    return Markdown.text(s.description())
        + " — proposed "
        + Markdown.code(s.file())
        + ":\n\n"
        + Markdown.block(language, s.text());
  }

  private static String lines(LineRange range) {
    return (range.start() == range.end() ? "line " : "lines ") + range.label();
  }

  private static String icon(Severity severity) {
    return switch (severity) {
      case ERROR -> "❌";
      case WARNING -> "⚠️";
      case INFO -> "ℹ️";
    };
  }
}
