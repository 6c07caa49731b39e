package dev.sizebot.rules;

import dev.sizebot.dockerfile.Instruction;
import dev.sizebot.dockerfile.Stage;
import java.util.List;
import java.util.Optional;

/** SB116: the whole context is copied while .git, .venv, node_modules … are not ignored. */
final class ContextNotIgnored implements Rule {
  static final RuleInfo INFO =
      new RuleInfo(
          "SB116",
          Severity.WARNING,
          "whole context copied without a .dockerignore for it",
          "COPY . takes everything in the context: .git history, local virtualenvs, node_modules"
              + " and bytecode caches end up in the image and bust the build cache on every"
              + " change.",
          List.of());

  /** What a whole-context copy should never take, as .dockerignore lines. */
  static final List<String> ENTRIES = List.of(".git", ".venv", "node_modules", "__pycache__");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(LintInput input) {
    Optional<Instruction> copy = firstWholeCopy(input);
    if (copy.isEmpty()) {
      return List.of();
    }
    DockerIgnore ignore = DockerIgnore.parse(input.dockerignore().orElse(""));
    List<String> missing =
        ENTRIES.stream()
            .filter(e -> !ignore.excludes(e))
            // With a .dockerignore, only what the context holds matters; without one, all.
            .filter(
                e ->
                    input.dockerignore().isEmpty()
                        || input.contextEntries().map(c -> c.contains(e)).orElse(true))
            .toList();
    if (missing.isEmpty()) {
      return List.of();
    }
    int line = copy.get().range().startLine();
    String message =
        input.dockerignore().isEmpty()
            ? "line " + line + " copies the whole context and there is no .dockerignore"
            : "line "
                + line
                + " copies the whole context and .dockerignore does not exclude "
                + String.join(", ", missing);
    String existing = input.dockerignore().orElse("");
    String separator = existing.isEmpty() || existing.endsWith("\n") ? "" : "\n";
    String proposed =
        existing
            + separator
            + String.join("\n", missing.stream().map(ContextNotIgnored::line).toList())
            + "\n";
    return List.of(
        INFO.at(Lines.of(copy.get()), message)
            .withFix(
                new Fix.Snippet(
                    input.dockerignore().isEmpty()
                        ? "add a .dockerignore beside the context"
                        : "add the missing entries to .dockerignore",
                    Fix.Snippet.DOCKERIGNORE,
                    proposed)));
  }

  // Bytecode caches sit in every package directory, so that entry matches at any depth.
  private static String line(String entry) {
    return entry.equals("__pycache__") ? "**/__pycache__" : entry;
  }

  private static Optional<Instruction> firstWholeCopy(LintInput input) {
    for (Stage stage : input.dockerfile().stages()) {
      for (Instruction in : stage.instructions()) {
        if (Context.isWholeContext(in)) {
          return Optional.of(in);
        }
      }
    }
    return Optional.empty();
  }
}
