package dev.sizebot.dockerfile;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Splits a POSIX shell script into its simple commands, in execution order, for rules that ask
 * "does this RUN also remove the apt lists?" or "which flags did pip get?". It understands quotes,
 * escapes, {@code && || ; | &}, newlines, comments, redirections, subshells and groups, compound
 * commands (if/for/while/case: their keywords are dropped, their bodies kept) and {@code $(…)} and
 * backtick substitutions (their commands come first). Variables are not expanded. It never fails:
 * malformed input (an unclosed quote) ends the current word at the end of the text.
 */
final class ShellSplitter {
  private static final int MAX_DEPTH = 32;
  private static final java.util.regex.Pattern ASSIGNMENT =
      java.util.regex.Pattern.compile("[A-Za-z_][A-Za-z0-9_]*=");
  private static final Set<String> PREFIX_WORDS =
      Set.of("if", "then", "else", "elif", "do", "while", "until", "!", "{", "time");
  private static final Set<String> END_WORDS = Set.of("fi", "done", "esac", "}");

  private final String s;
  private final int depth;
  private final List<ShellCommand> out = new ArrayList<>();
  private final List<String> pendingHeredocs = new ArrayList<>();
  private int pos;

  private ShellSplitter(String s, int depth) {
    this.s = s;
    this.depth = depth;
  }

  /** The simple commands of {@code script}, in order. */
  static List<ShellCommand> split(String script) {
    return split(script, 0);
  }

  private static List<ShellCommand> split(String script, int depth) {
    ShellSplitter p = new ShellSplitter(script, depth);
    p.run();
    return p.out;
  }

  private final class Builder {
    final List<String> assignments = new ArrayList<>();
    final List<String> words = new ArrayList<>();
    final List<String> redirects = new ArrayList<>();
    boolean skipRest; // inside "for x in …" or "case … in": not a command
  }

  private void run() {
    Builder cmd = new Builder();
    int caseDepth = 0;
    boolean pattern = false; // inside "case … in": before the ")" that ends a pattern list
    while (true) {
      skipBlanks();
      if (pos >= s.length()) {
        break;
      }
      char c = s.charAt(pos);
      if (c == '#') {
        while (pos < s.length() && s.charAt(pos) != '\n') {
          pos++;
        }
        continue;
      }
      if (c == '\n') {
        pos++;
        emit(cmd);
        cmd = new Builder();
        skipHeredocBodies();
        continue;
      }
      String op = operator();
      if (pattern) {
        if (op == null) {
          int before = pos;
          String w = word();
          if (pos == before) {
            pos++; // a redirection character inside a pattern: skip it
          }
          if (w.equals("esac")) {
            caseDepth--;
            pattern = caseDepth > 0;
          }
        } else if (op.equals(")")) {
          pattern = false; // "a|b)" was a pattern list, not commands
        }
        continue;
      }
      if (op != null) {
        if (op.equals(";;") && caseDepth > 0) {
          emit(cmd);
          cmd = new Builder();
          pattern = true;
          continue;
        }
        if (op.equals("(") && !cmd.words.isEmpty()) {
          cmd.skipRest = true; // "name() { …; }": a function definition header
          continue;
        }
        emit(cmd);
        cmd = new Builder();
        continue;
      }
      if (isRedirect()) {
        cmd.redirects.add(redirect());
        continue;
      }
      String word = word();
      if (cmd.skipRest) {
        if (word.equals("esac")) {
          caseDepth = Math.max(0, caseDepth - 1);
        }
        if (word.equals("in") && cmd.words.size() == 1 && cmd.words.get(0).equals("case")) {
          caseDepth++;
          pattern = true;
          cmd = new Builder();
        }
        continue;
      }
      if (cmd.words.isEmpty()) {
        if (PREFIX_WORDS.contains(word) && cmd.assignments.isEmpty()) {
          continue;
        }
        if (END_WORDS.contains(word) && cmd.assignments.isEmpty()) {
          if (word.equals("esac")) {
            caseDepth = Math.max(0, caseDepth - 1);
          }
          continue;
        }
        if ((word.equals("for") || word.equals("case") || word.equals("select"))
            && cmd.assignments.isEmpty()) {
          cmd.words.add(word);
          cmd.skipRest = true;
          continue;
        }
        if (ASSIGNMENT.matcher(word).lookingAt()) {
          cmd.assignments.add(word);
          continue;
        }
      }
      cmd.words.add(word);
    }
    emit(cmd);
  }

  private void emit(Builder cmd) {
    if (cmd.skipRest) {
      return;
    }
    if (!cmd.words.isEmpty() || !cmd.assignments.isEmpty()) {
      out.add(new ShellCommand(cmd.assignments, cmd.words, cmd.redirects));
    }
  }

  private void skipBlanks() {
    while (pos < s.length()) {
      char c = s.charAt(pos);
      if (c == ' ' || c == '\t' || c == '\r') {
        pos++;
      } else if (c == '\\' && pos + 1 < s.length() && s.charAt(pos + 1) == '\n') {
        pos += 2; // line continuation
      } else {
        return;
      }
    }
  }

  private String operator() {
    for (String op : new String[] {"&&", "||", ";;", "|&", ";", "|", "&", "(", ")"}) {
      if (s.startsWith(op, pos)) {
        pos += op.length();
        return op;
      }
    }
    return null;
  }

  private boolean isRedirect() {
    int p = pos;
    while (p < s.length() && Character.isDigit(s.charAt(p))) {
      p++;
    }
    return p < s.length() && (s.charAt(p) == '<' || s.charAt(p) == '>');
  }

  /** A redirection with its target, e.g. {@code >/dev/null}, {@code 2>&1}, {@code <<EOF}. */
  private String redirect() {
    int start = pos;
    while (Character.isDigit(s.charAt(pos))) {
      pos++;
    }
    char first = s.charAt(pos++);
    boolean heredoc = first == '<' && pos < s.length() && s.charAt(pos) == '<';
    while (pos < s.length() && "<>&|-".indexOf(s.charAt(pos)) >= 0) {
      pos++;
    }
    String op = s.substring(start, pos);
    skipBlanks();
    String target = pos < s.length() && !isSeparator(s.charAt(pos)) ? word() : "";
    if (heredoc && !op.endsWith("<<<")) {
      pendingHeredocs.add(op.endsWith("-") ? "-" + target : target);
    }
    return op + target;
  }

  private void skipHeredocBodies() {
    for (String pending : pendingHeredocs) {
      boolean chomp = pending.startsWith("-");
      String delim = chomp ? pending.substring(1) : pending;
      while (pos < s.length()) {
        int eol = s.indexOf('\n', pos);
        int end = eol < 0 ? s.length() : eol;
        String line = s.substring(pos, end);
        pos = eol < 0 ? s.length() : eol + 1;
        String candidate = chomp ? line.replaceFirst("^\\t+", "") : line;
        if (candidate.stripTrailing().equals(delim)) {
          break;
        }
      }
    }
    pendingHeredocs.clear();
  }

  private static boolean isSeparator(char c) {
    return " \t\r\n;&|()<>".indexOf(c) >= 0;
  }

  /** One word with quotes removed; substitutions inside it are split and emitted first. */
  private String word() {
    StringBuilder w = new StringBuilder();
    while (pos < s.length() && !isSeparator(s.charAt(pos))) {
      char c = s.charAt(pos);
      switch (c) {
        case '\\' -> {
          pos++;
          if (pos < s.length() && s.charAt(pos) != '\n') {
            w.append(s.charAt(pos));
          }
          pos = Math.min(s.length(), pos + 1);
        }
        case '\'' -> {
          int end = s.indexOf('\'', pos + 1);
          int stop = end < 0 ? s.length() : end;
          w.append(s, pos + 1, stop);
          pos = Math.min(s.length(), stop + 1);
        }
        case '"' -> w.append(doubleQuoted());
        case '$' -> w.append(dollar());
        case '`' -> w.append(backtick());
        default -> {
          w.append(c);
          pos++;
        }
      }
    }
    return w.toString();
  }

  private String doubleQuoted() {
    StringBuilder w = new StringBuilder();
    pos++;
    while (pos < s.length() && s.charAt(pos) != '"') {
      char c = s.charAt(pos);
      if (c == '\\' && pos + 1 < s.length() && "$`\"\\\n".indexOf(s.charAt(pos + 1)) >= 0) {
        if (s.charAt(pos + 1) != '\n') {
          w.append(s.charAt(pos + 1));
        }
        pos += 2;
      } else if (c == '$') {
        w.append(dollar());
      } else if (c == '`') {
        w.append(backtick());
      } else {
        w.append(c);
        pos++;
      }
    }
    pos = Math.min(s.length(), pos + 1);
    return w.toString();
  }

  /** {@code $name}, {@code ${…}}, {@code $((…))} kept literally; {@code $(…)} also split. */
  private String dollar() {
    int start = pos;
    pos++;
    if (s.startsWith("((", pos)) {
      pos = closing(pos + 2, '(', ')', 2);
    } else if (pos < s.length() && s.charAt(pos) == '(') {
      int end = closing(pos + 1, '(', ')', 1);
      nested(s.substring(pos + 1, Math.max(pos + 1, end - 1)));
      pos = end;
    } else if (pos < s.length() && s.charAt(pos) == '{') {
      pos = closing(pos + 1, '{', '}', 1);
    }
    return s.substring(start, pos);
  }

  private String backtick() {
    int start = pos;
    int end = pos + 1;
    while (end < s.length() && s.charAt(end) != '`') {
      end += s.charAt(end) == '\\' ? 2 : 1;
    }
    end = Math.min(end, s.length());
    nested(s.substring(start + 1, end).replace("\\`", "`"));
    pos = Math.min(s.length(), end + 1);
    return s.substring(start, pos);
  }

  private void nested(String script) {
    if (depth < MAX_DEPTH) {
      out.addAll(split(script, depth + 1));
    }
  }

  /** Index just past the bracket that closes {@code levels} open ones, skipping quotes. */
  private int closing(int from, char open, char close, int levels) {
    int level = levels;
    int p = from;
    while (p < s.length() && level > 0) {
      char c = s.charAt(p);
      if (c == '\\') {
        p += 2;
        continue;
      }
      if (c == '\'') {
        int end = s.indexOf('\'', p + 1);
        p = end < 0 ? s.length() : end + 1;
        continue;
      }
      if (c == open) {
        level++;
      } else if (c == close) {
        level--;
      }
      p++;
    }
    return Math.min(p, s.length());
  }
}
