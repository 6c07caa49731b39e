package dev.sizebot.dockerfile;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The line-level parse of BuildKit (frontend/dockerfile/parser/parser.go): parser directives,
 * continuation lines (comment and blank lines inside them skipped), comments, heredoc bodies, and
 * one {@link Node} per instruction with its exact source range.
 */
final class SyntaxParser {
  private static final Pattern DIRECTIVE =
      Pattern.compile("^([a-zA-Z][a-zA-Z0-9]*)\\s*=\\s*(.+?)\\s*$");

  private static final int MAX_LINE = 64 * 1024;

  private final String source;
  private final List<String> raw; // lines with their endings, BOM removed
  private final List<String> lines; // lines without endings
  private final List<Directive> directives = new ArrayList<>();
  private final List<String> warnings = new ArrayList<>();
  private boolean directivesDone;
  private char escape = '\\';
  private int current; // number of lines consumed

  SyntaxParser(String source, String text) {
    this.source = source;
    String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
    this.raw = splitKeepingEndings(body);
    this.lines = raw.stream().map(SyntaxParser::trimNewline).toList();
    setEscape("\\");
  }

  record Result(List<Directive> directives, char escape, List<Node> nodes, List<String> lines) {}

  Result parse() {
    for (int i = 0; i < raw.size(); i++) {
      // BuildKit reads lines with bufio.Scanner, whose token limit is 64 KiB.
      String l = raw.get(i);
      if (l.length() > MAX_LINE / 3
          && l.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_LINE) {
        throw error(i + 1, "dockerfile line greater than max allowed size of " + (MAX_LINE - 1));
      }
    }
    List<Node> nodes = new ArrayList<>();
    while (current < raw.size()) {
      String first = raw.get(current);
      String processed = processLine(first, true);
      current++;
      int startLine = current;
      Cont c = trimContinuation(processed);
      if (c.end && c.line.isEmpty()) {
        continue;
      }
      StringBuilder line = new StringBuilder(c.line);
      boolean end = c.end;
      while (!end && current < raw.size()) {
        String next = raw.get(current);
        String p = processLine(next, false);
        current++;
        if (isComment(next)) {
          continue;
        }
        if (trimNewline(next).strip().isEmpty()) {
          warnings.add("empty continuation line " + current);
          continue;
        }
        Cont cc = trimContinuation(p);
        line.append(cc.line);
        end = cc.end;
      }
      nodes.add(node(line.toString(), startLine));
    }
    if (nodes.isEmpty()) {
      throw error(
          Math.max(current, 1),
          "file with no instructions (a Dockerfile needs at least a FROM instruction)");
    }
    return new Result(directives, escape, nodes, lines);
  }

  private Node node(String line, int startLine) {
    LineParsers.Parsed parsed;
    try {
      parsed = LineParsers.parse(line, escape);
    } catch (LineParsers.SyntaxError e) {
      throw error(startLine, e.getMessage());
    }
    List<Heredoc> heredocs = List.of();
    if (canContainHeredoc(parsed)) {
      heredocs = readHeredocs(line, startLine);
    }
    SourceRange range = range(startLine, current);
    String text = text(range);
    return toNode(parsed, heredocs, range, line, text);
  }

  private static Node toNode(
      LineParsers.Parsed p, List<Heredoc> heredocs, SourceRange range, String line, String text) {
    Optional<Node> child = p.child().map(c -> toNode(c, heredocs, range, line.strip(), text));
    return new Node(p.keyword(), p.flags(), p.args(), p.json(), heredocs, range, line, text, child);
  }

  private static boolean canContainHeredoc(LineParsers.Parsed p) {
    LineParsers.Parsed target = p.keyword().equals("onbuild") ? p.child().orElse(p) : p;
    return switch (target.keyword()) {
      case "run", "copy", "add" -> !target.json();
      default -> false;
    };
  }

  private List<Heredoc> readHeredocs(String line, int startLine) {
    List<Heredoc> found = Heredocs.fromLine(line);
    List<Heredoc> out = new ArrayList<>();
    for (Heredoc h : found) {
      StringBuilder content = new StringBuilder();
      boolean terminated = false;
      while (current < raw.size()) {
        String l = raw.get(current++);
        String candidate = trimNewline(l);
        if (h.chomp()) {
          candidate = stripLeadingTabs(candidate);
        }
        if (candidate.equals(h.name())) {
          terminated = true;
          break;
        }
        content.append(l);
      }
      if (!terminated) {
        throw error(
            startLine,
            "unterminated heredoc <<"
                + h.name()
                + " (add a line containing only '"
                + h.name()
                + "' to end it)");
      }
      out.add(new Heredoc(h.name(), h.fileDescriptor(), h.expand(), h.chomp(), content.toString()));
    }
    return out;
  }

  private SourceRange range(int startLine, int endLine) {
    String first = lines.get(startLine - 1);
    int col = 1;
    while (col <= first.length() && Character.isWhitespace(first.charAt(col - 1))) {
      col++;
    }
    return new SourceRange(startLine, col, endLine, lines.get(endLine - 1).length() + 1);
  }

  private String text(SourceRange r) {
    String joined = String.join("\n", lines.subList(r.startLine() - 1, r.endLine()));
    return joined.substring(Math.min(r.startColumn() - 1, joined.length()));
  }

  private record Cont(String line, boolean end) {}

  /**
   * BuildKit's continuation regex, {@code ([^E])E[ \t]*$|^E[ \t]*$} for escape E, written out: a
   * line continues when its last non-blank character is the escape token, unless that token is
   * itself escaped; the token and the blanks after it are removed.
   */
  private Cont trimContinuation(String line) {
    int end = line.length();
    while (end > 0 && (line.charAt(end - 1) == ' ' || line.charAt(end - 1) == '\t')) {
      end--;
    }
    if (end == 0 || line.charAt(end - 1) != escape) {
      return new Cont(line, true);
    }
    if (end == 1) {
      return new Cont("", false);
    }
    if (line.charAt(end - 2) == escape) {
      return new Cont(line, true);
    }
    return new Cont(line.substring(0, end - 1), false);
  }

  private String processLine(String rawLine, boolean stripLeft) {
    String token = trimNewline(rawLine);
    if (stripLeft) {
      token = token.stripLeading();
    }
    possibleDirective(token);
    return token.startsWith("#") ? "" : token;
  }

  private void possibleDirective(String token) {
    if (directivesDone) {
      return;
    }
    if (!token.startsWith("#")) {
      directivesDone = true;
      return;
    }
    var m = DIRECTIVE.matcher(token.substring(1).stripLeading());
    if (!m.find()) {
      directivesDone = true;
      return;
    }
    String name = m.group(1).toLowerCase(java.util.Locale.ROOT);
    if (!name.equals("syntax") && !name.equals("escape") && !name.equals("check")) {
      directivesDone = true;
      return;
    }
    int line = current + 1;
    if (directives.stream().anyMatch(d -> d.name().equals(name))) {
      throw error(line, "only one " + name + " parser directive can be used");
    }
    if (name.equals("escape")) {
      String v = m.group(2);
      if (!v.equals("`") && !v.equals("\\")) {
        throw error(line, "invalid escape token '" + v + "' does not match ` or \\");
      }
      setEscape(v);
    }
    directives.add(new Directive(name, m.group(2), line));
  }

  private void setEscape(String token) {
    escape = token.charAt(0);
  }

  private static String stripLeadingTabs(String s) {
    int i = 0;
    while (i < s.length() && s.charAt(i) == '\t') {
      i++;
    }
    return s.substring(i);
  }

  private static boolean isComment(String rawLine) {
    return trimNewline(rawLine).stripLeading().startsWith("#");
  }

  static String trimNewline(String s) {
    int end = s.length();
    while (end > 0 && (s.charAt(end - 1) == '\n' || s.charAt(end - 1) == '\r')) {
      end--;
    }
    return s.substring(0, end);
  }

  private static List<String> splitKeepingEndings(String text) {
    List<String> out = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        out.add(text.substring(start, i + 1));
        start = i + 1;
      }
    }
    if (start < text.length()) {
      out.add(text.substring(start));
    }
    return out;
  }

  private RuntimeException error(int line, String message) {
    return ParseErrors.at(source, line, message);
  }
}
