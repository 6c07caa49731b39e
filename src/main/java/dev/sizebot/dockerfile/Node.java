package dev.sizebot.dockerfile;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One instruction as BuildKit's parser sees it, before typing: the lower-case keyword, the flags
 * ({@code --from=builder}, quotes removed as BuildKit removes them), the arguments split exactly as
 * BuildKit's line parsers split them (unexpanded), whether the arguments were a JSON array, its
 * heredocs, its source range, and the exact original text of its lines.
 *
 * @param line the logical line BuildKit parses: continuations joined, comments inside them dropped
 * @param text the exact source text of the range (every line, heredoc bodies included)
 * @param child the nested instruction of an {@code ONBUILD}
 */
public record Node(
    String keyword,
    List<String> flags,
    List<String> args,
    boolean json,
    List<Heredoc> heredocs,
    SourceRange range,
    String line,
    String text,
    Optional<Node> child) {
  public Node {
    Objects.requireNonNull(keyword, "keyword");
    flags = List.copyOf(flags);
    args = List.copyOf(args);
    heredocs = List.copyOf(heredocs);
    Objects.requireNonNull(range, "range");
    Objects.requireNonNull(line, "line");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(child, "child");
  }

  /** The value of flag {@code --name=value}, the first if repeated. */
  public Optional<String> flag(String name) {
    return flagValues(name).stream().findFirst();
  }

  /** Every value of a repeatable flag ({@code --mount}, {@code --exclude}); "" for bare flags. */
  public List<String> flagValues(String name) {
    String prefix = "--" + name;
    return flags.stream()
        .filter(f -> f.equals(prefix) || f.startsWith(prefix + "="))
        .map(f -> f.length() == prefix.length() ? "" : f.substring(prefix.length() + 1))
        .toList();
  }
}
