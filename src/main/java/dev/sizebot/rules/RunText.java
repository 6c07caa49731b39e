package dev.sizebot.rules;

import dev.sizebot.dockerfile.Run;
import java.util.Optional;

/**
 * The source text of a shell-form RUN split into its head ({@code RUN --mount=… }) and its script,
 * so a fix can append, prepend or merge commands while keeping the author's text byte for byte.
 * Exec-form RUNs and RUNs with heredocs are not edited (their scripts are not one string).
 */
record RunText(String head, String script, char escape) {
  /** The shell-form text of {@code run}, empty when it cannot be edited safely. */
  static Optional<RunText> of(Run run, char escape) {
    if (run.command().exec() || !run.node().heredocs().isEmpty() || !run.shellAnalyzed()) {
      return Optional.empty();
    }
    String text = run.text();
    int i = skipSpace(text, 0, escape) + "RUN".length();
    if (skipSpace(text, i, escape) == i) {
      return Optional.empty(); // no blank after the keyword: not a shape we edit
    }
    i = skipSpace(text, i, escape);
    while (text.startsWith("--", i)) {
      i = skipSpace(text, skipFlag(text, i), escape);
    }
    String script = text.substring(i).stripTrailing();
    return script.isEmpty()
        ? Optional.empty()
        : Optional.of(new RunText(text.substring(0, i), script, escape));
  }

  String render() {
    return head + script;
  }

  /**
   * Runs {@code command} after the script, on a continuation line, only if the script succeeded.
   */
  RunText append(String command) {
    return new RunText(head, script + " " + escape + "\n    && " + command, escape);
  }

  /** Runs {@code command} before the script. */
  RunText prepend(String command) {
    return new RunText(head, command + " " + escape + "\n    && " + script, escape);
  }

  /** This RUN followed by {@code other}'s script as one RUN (the other's flags must be none). */
  RunText merge(RunText other) {
    return append(other.script);
  }

  RunText withHead(String newHead) {
    return new RunText(newHead, script, escape);
  }

  RunText withScript(String newScript) {
    return new RunText(head, newScript, escape);
  }

  /** True when the head carries flags ({@code --mount}, {@code --network} …). */
  boolean hasFlags() {
    return head.contains("--");
  }

  // Whitespace, and line continuations (the escape character, optional blanks, a newline).
  private static int skipSpace(String text, int from, char escape) {
    int i = from;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
        i++;
      } else if (c == escape && continuationAt(text, i + 1)) {
        i++;
      } else {
        break;
      }
    }
    return i;
  }

  private static boolean continuationAt(String text, int from) {
    int i = from;
    while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
      i++;
    }
    return i < text.length() && (text.charAt(i) == '\n' || text.charAt(i) == '\r');
  }

  private static int skipFlag(String text, int from) {
    int i = from;
    char quote = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (quote != 0) {
        quote = c == quote ? 0 : quote;
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (Character.isWhitespace(c)) {
        break;
      }
      i++;
    }
    return i;
  }
}
