package dev.sizebot.dockerfile;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds heredoc markers in an instruction line as BuildKit does (parser.go heredocsFromLine): the
 * line is split into shell words with quotes and escapes kept, and every word of the form {@code
 * [n]<<[-]WORD} is a heredoc. Quoting any part of WORD turns expansion off.
 */
final class Heredocs {
  private static final Pattern MARKER = Pattern.compile("^(\\d*)<<(-?)([^<]*)$");
  private static final WordLexer RAW = new WordLexer('\\', true, true);
  private static final WordLexer UNQUOTED = new WordLexer('\\', false, false);
  private static final WordLexer QUOTED = new WordLexer('\\', true, false);

  private Heredocs() {}

  /** The heredocs announced by the line, in order, without content yet. */
  static List<Heredoc> fromLine(String line) {
    List<String> words;
    try {
      words = RAW.processWords(line, Variables.literal());
    } catch (WordLexer.LexException e) {
      return List.of(); // BuildKit ignores lexing errors here: no heredocs
    }
    List<Heredoc> docs = new ArrayList<>();
    for (String word : words) {
      parse(word).ifPresent(docs::add);
    }
    return docs;
  }

  /** The heredoc a single word announces, if it is a marker ({@code <<EOF}, {@code 3<<-"X"}). */
  static Optional<Heredoc> parse(String word) {
    Matcher m = MARKER.matcher(word);
    if (!m.matches() || m.group(3).isEmpty()) {
      return Optional.empty();
    }
    String rest = m.group(3);
    List<String> plain;
    List<String> raw;
    try {
      plain = UNQUOTED.processWords(rest, Variables.literal());
      if (plain.size() != 1) {
        return Optional.empty();
      }
      raw = QUOTED.processWords(rest, Variables.literal());
    } catch (WordLexer.LexException e) {
      return Optional.empty();
    }
    if (raw.size() != 1) {
      return Optional.empty();
    }
    String name = plain.get(0);
    boolean expand = quotes(name) == quotes(raw.get(0));
    int fd = m.group(1).isEmpty() ? 0 : parseFd(m.group(1));
    return Optional.of(new Heredoc(name, fd, expand, m.group(2).equals("-"), ""));
  }

  private static int parseFd(String digits) {
    try {
      return Integer.parseInt(digits);
    } catch (NumberFormatException e) {
      return 0; // Go's ParseUint error is ignored too, leaving 0
    }
  }

  private static long quotes(String s) {
    return s.chars().filter(c -> c == '\'' || c == '"').count();
  }
}
