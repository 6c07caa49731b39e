package dev.sizebot.dockerfile;

import java.util.List;
import java.util.Optional;

/**
 * One simple command of a shell script ({@code apt-get install -y curl}): its leading variable
 * assignments, its words after quote removal (variables left unexpanded), and its redirections.
 * Commands of one RUN are listed in execution order, commands substituted with {@code $(…)} or
 * backticks before the command that uses them.
 *
 * @param assignments leading {@code NAME=value} words
 * @param words the command name and its arguments
 * @param redirects redirections such as {@code >/dev/null} or {@code 2>&1}
 */
public record ShellCommand(List<String> assignments, List<String> words, List<String> redirects) {
  public ShellCommand {
    assignments = List.copyOf(assignments);
    words = List.copyOf(words);
    redirects = List.copyOf(redirects);
  }

  /** The command name ({@code apt-get}), or empty for a bare assignment. */
  public Optional<String> program() {
    return words.isEmpty() ? Optional.empty() : Optional.of(words.get(0));
  }

  /** The arguments after the command name. */
  public List<String> arguments() {
    return words.isEmpty() ? List.of() : words.subList(1, words.size());
  }

  /** Whether the command name's last path segment equals {@code name} ({@code /usr/bin/pip}). */
  public boolean isProgram(String name) {
    return program().map(p -> p.substring(p.lastIndexOf('/') + 1).equals(name)).orElse(false);
  }

  /** Whether any argument equals {@code word} or starts with {@code word=}. */
  public boolean hasArgument(String word) {
    return arguments().stream().anyMatch(a -> a.equals(word) || a.startsWith(word + "="));
  }

  @Override
  public String toString() {
    return String.join(" ", words);
  }
}
