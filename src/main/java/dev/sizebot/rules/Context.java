package dev.sizebot.rules;

import dev.sizebot.dockerfile.Add;
import dev.sizebot.dockerfile.Copy;
import dev.sizebot.dockerfile.Instruction;
import java.util.List;

/** What COPY and ADD take from the build context. */
final class Context {
  private Context() {}

  /** Sources read from the build context (not from a stage, image, URL or heredoc). */
  static List<String> localSources(Instruction in) {
    if (in instanceof Copy c && c.from().isEmpty()) {
      return c.sources();
    }
    if (in instanceof Add a) {
      return a.sources().stream().filter(s -> !s.contains("://") && !s.startsWith("git@")).toList();
    }
    return List.of();
  }

  /** COPY/ADD of the whole context ({@code .}, {@code ./} or {@code *}). */
  static boolean isWholeContext(Instruction in) {
    return localSources(in).stream().anyMatch(Context::isWhole);
  }

  static boolean isWhole(String source) {
    return source.equals(".") || source.equals("./") || source.equals("*") || source.equals("/");
  }
}
