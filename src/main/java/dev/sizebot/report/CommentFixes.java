package dev.sizebot.report;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** 💡 Suggested fixes: each with why, evidence from the layers, savings and a patch. */
final class CommentFixes {
  static final int TEXT_CHARS = 600;
  static final int PATCH_CHARS = 4_000;

  private CommentFixes() {}

  static void render(StringBuilder md, String heading, List<FindingRow> findings, Detail detail) {
    if (findings.isEmpty()) {
      return;
    }
    long savings = findings.stream().mapToLong(f -> f.savingsBytes().orElse(0L)).sum();
    md.append(heading).append("💡 Suggested fixes (").append(findings.size()).append(')');
    if (savings > 0) {
      md.append(" — could save ~").append(Numbers.bytes(savings));
    }
    md.append("\n\n");
    if (!detail.fixes()) {
      md.append(
              findings.stream()
                  .map(
                      f ->
                          "- "
                              + Markdown.prose(f.ruleId(), 20)
                              + " · "
                              + Markdown.prose(f.title(), 120)
                              + " · "
                              + lines(f))
                  .collect(Collectors.joining("\n")))
          .append("\n\n");
      return;
    }
    for (FindingRow f : findings) {
      finding(md, f, detail);
    }
  }

  private static void finding(StringBuilder md, FindingRow f, Detail detail) {
    md.append("**")
        .append(icon(f.severity()))
        .append(' ')
        .append(Markdown.prose(f.ruleId(), 20))
        .append(" · ")
        .append(Markdown.prose(f.title(), 120))
        .append("** · ")
        .append(lines(f));
    f.savingsBytes().ifPresent(s -> md.append(" · saves ~").append(Numbers.bytes(s)));
    md.append("\n\n").append(Markdown.prose(f.message(), TEXT_CHARS)).append("\n\n");
    md.append("_Why:_ ").append(Markdown.prose(f.why(), TEXT_CHARS));
    if (!f.seeAlso().isEmpty()) {
      md.append(" See also: ")
          .append(Markdown.prose(String.join(", ", f.seeAlso()), 100))
          .append('.');
    }
    md.append("\n\n");
    f.evidence()
        .ifPresent(
            e -> md.append("_Evidence:_ ").append(Markdown.prose(e, TEXT_CHARS)).append("\n\n"));
    if (f.fix().isPresent()) {
      FindingRow.Patch p = f.fix().get();
      md.append("_Fix:_ ").append(Markdown.prose(p.description(), 200));
      if (detail.patches()) {
        md.append("\n\n").append(patch(p)).append('\n');
      } else {
        md.append(" (patch left out)\n\n");
      }
    }
  }

  // A replacement with known original lines reads as a diff; otherwise the new text is shown whole.
  private static String patch(FindingRow.Patch p) {
    if (p.kind().equals("replacement") && p.original().isPresent()) {
      String diff = prefixed("-", p.original().get()) + "\n" + prefixed("+", p.text());
      return Markdown.block("diff", Markdown.clip(diff, PATCH_CHARS));
    }
    String language = p.file().equals(".dockerignore") ? "gitignore" : "dockerfile";
    return "Proposed "
        + Markdown.code(p.file(), 40)
        + ":\n\n"
        + Markdown.block(language, Markdown.clip(p.text(), PATCH_CHARS));
  }

  private static String prefixed(String sign, String text) {
    return Arrays.stream(text.split("\n", -1)).map(l -> sign + l).collect(Collectors.joining("\n"));
  }

  private static String lines(FindingRow f) {
    return f.startLine() == f.endLine()
        ? "line " + f.startLine()
        : "lines " + f.startLine() + "-" + f.endLine();
  }

  private static String icon(String severity) {
    return switch (severity) {
      case "error" -> "❌";
      case "warning" -> "⚠️";
      default -> "ℹ️";
    };
  }
}
