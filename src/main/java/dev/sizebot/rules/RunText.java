package dev.sizebot.rules;

import dev.sizebot.dockerfile.Run;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The source text of a shell-form RUN split into its head ({@code RUN --mount=… }) and its script,
 * so a fix can append, prepend or merge commands while keeping the author's text byte for byte.
 * RUNs with heredocs are not edited (their scripts are not one string); exec-form RUNs only as the
 * equivalent shell form ({@link #ofExec}), for fixes that are proposed rather than applied.
 */
record RunText(String head, String script, char escape) {
  private static final Pattern PLAIN_WORD = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");
  private static final List<String> DEFAULT_SHELL = List.of("/bin/sh", "-c");

  /** The shell-form text of {@code run}, empty when it cannot be edited safely. */
  static Optional<RunText> of(Run run, char escape) {
    if (run.command().exec() || !run.node().heredocs().isEmpty() || !run.shellAnalyzed()) {
      return Optional.empty();
    }
    String text = run.text();
    int i = scriptStart(text, escape);
    String script = i < 0 ? "" : text.substring(i).stripTrailing();
    return script.isEmpty()
        ? Optional.empty()
        : Optional.of(new RunText(text.substring(0, i), script, escape));
  }

  /**
   * An exec-form RUN as the shell form that runs the same command, for fixes that cannot stay in
   * exec form. {@code ["sh", "-c", "script"]} becomes the script when the stage's SHELL is the
   * default; other words are quoted for sh. Empty when a word has a line break or the script ends
   * with the escape character (shell form would end or continue the instruction there).
   */
  static Optional<RunText> ofExec(Run run, char escape, List<String> stageShell) {
    List<String> args = run.command().args();
    int i = scriptStart(run.text(), escape);
    if (!run.command().exec() || args.isEmpty() || i < 0) {
      return Optional.empty();
    }
    if (args.stream().anyMatch(a -> a.indexOf('\n') >= 0 || a.indexOf('\r') >= 0)) {
      return Optional.empty();
    }
    boolean plainSh =
        args.size() == 3
            && (args.get(0).equals("sh") || args.get(0).equals("/bin/sh"))
            && args.get(1).equals("-c")
            && stageShell.equals(DEFAULT_SHELL);
    String script =
        plainSh ? args.get(2) : String.join(" ", args.stream().map(RunText::quote).toList());
    if (script.isBlank() || script.stripTrailing().endsWith(String.valueOf(escape))) {
      return Optional.empty(); // a trailing escape would continue the instruction on the next line
    }
    return Optional.of(new RunText(run.text().substring(0, i), script.strip(), escape));
  }

  private static String quote(String word) {
    return PLAIN_WORD.matcher(word).matches() ? word : "'" + word.replace("'", "'\\''") + "'";
  }

  /** Where the script starts after {@code RUN} and its flags, or -1 for a shape not edited. */
  private static int scriptStart(String text, char escape) {
    int i = skipSpace(text, 0, escape) + "RUN".length();
    if (skipSpace(text, i, escape) == i) {
      return -1; // no blank after the keyword
    }
    i = skipSpace(text, i, escape);
    while (text.startsWith("--", i)) {
      i = skipSpace(text, skipFlag(text, i), escape);
    }
    return i;
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
