package dev.sizebot.dockerfile;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * BuildKit's word processing (frontend/dockerfile/shell/lex.go): quote removal, escapes and {@code
 * $V}, {@code ${V}}, {@code ${V:-x}}, {@code ${V-x}}, {@code ${V:+x}}, {@code ${V+x}}, {@code
 * ${V:?x}}, {@code ${V#p}}, {@code ${V%p}} (and {@code ##}, {@code %%}), {@code ${V/p/r}} and
 * {@code ${V//p/r}} expansion. This is not a shell: no command substitution, globbing or tilde
 * expansion, exactly as in BuildKit.
 */
final class WordLexer {
  private static final int MAX_DEPTH = 64;
  private final char escape;
  private final boolean rawQuotes;
  private final boolean rawEscapes;
  private final boolean skipQuotes;

  WordLexer(char escape, boolean rawQuotes, boolean rawEscapes) {
    this(escape, rawQuotes, rawEscapes, false);
  }

  private WordLexer(char escape, boolean rawQuotes, boolean rawEscapes, boolean skipQuotes) {
    this.escape = escape;
    this.rawQuotes = rawQuotes;
    this.rawEscapes = rawEscapes;
    this.skipQuotes = skipQuotes;
  }

  /**
   * The lexer BuildKit uses for COPY/ADD heredoc bodies ({@code SkipProcessQuotes}): quotes are
   * ordinary characters, only escapes and variables are processed.
   */
  static WordLexer forHeredocBody() {
    return new WordLexer('\\', false, false, true);
  }

  /** Expands one word without splitting it. */
  String processWord(String word, Variables vars) {
    return new Run(word, vars).processStopOn(Run.EOF, rawEscapes).text;
  }

  /** Expands and splits into words on unquoted whitespace, as BuildKit's ProcessWords does. */
  List<String> processWords(String word, Variables vars) {
    Run run = new Run(word, vars);
    Result r = run.processStopOn(Run.EOF, rawEscapes);
    return r.words.finish();
  }

  private record Result(String text, Words words) {}

  /** Word accumulation: expanded text splits on whitespace, quoted or escaped text does not. */
  private static final class Words {
    private final List<String> words = new ArrayList<>();
    private final StringBuilder word = new StringBuilder();

    void addChar(char ch) {
      if (Character.isWhitespace(ch)) {
        if (word.length() > 0) {
          words.add(word.toString());
          word.setLength(0);
        }
      } else {
        word.append(ch);
      }
    }

    void addRaw(String s) {
      word.append(s);
    }

    void addExpanded(String s) {
      for (int i = 0; i < s.length(); i++) {
        addChar(s.charAt(i));
      }
    }

    List<String> finish() {
      if (word.length() > 0) {
        words.add(word.toString());
        word.setLength(0);
      }
      return List.copyOf(words);
    }
  }

  /** One pass over one input. */
  private final class Run {
    static final int EOF = -1;
    private final String src;
    private final Variables vars;
    private int pos;
    private int depth;

    Run(String src, Variables vars) {
      this.src = src;
      this.vars = vars;
    }

    int peek() {
      return pos < src.length() ? src.charAt(pos) : EOF;
    }

    int next() {
      return pos < src.length() ? src.charAt(pos++) : EOF;
    }

    Result processStopOn(int stop, boolean rawEsc) {
      // Nesting like ${A:-${B:-…}} recurses; bound it so hostile input cannot exhaust the stack.
      if (++depth > MAX_DEPTH) {
        throw new LexException("substitutions nested more than " + MAX_DEPTH + " deep");
      }
      try {
        return processStopOnUnbounded(stop, rawEsc);
      } finally {
        depth--;
      }
    }

    private Result processStopOnUnbounded(int stop, boolean rawEsc) {
      StringBuilder result = new StringBuilder();
      Words words = new Words();
      boolean found = false;
      while (peek() != EOF) {
        int ch = peek();
        if (stop != EOF && ch == stop) {
          next();
          found = true;
          break;
        }
        if (ch == '$' || (!skipQuotes && (ch == '\'' || ch == '"'))) {
          String tmp = ch == '\'' ? singleQuote() : ch == '"' ? doubleQuote() : dollar();
          result.append(tmp);
          if (ch == '$') {
            words.addExpanded(tmp);
          } else {
            words.addRaw(tmp);
          }
          continue;
        }
        ch = next();
        if (ch == escape) {
          if (rawEsc) {
            words.addRaw(String.valueOf((char) ch));
            result.append((char) ch);
          }
          ch = next();
          if (ch == EOF) {
            break;
          }
          words.addRaw(String.valueOf((char) ch));
        } else {
          words.addChar((char) ch);
        }
        result.append((char) ch);
      }
      if (stop != EOF && !found) {
        throw new LexException(
            "unexpected end of statement while looking for matching " + (char) stop);
      }
      return new Result(result.toString(), words);
    }

    String singleQuote() {
      // Everything up to the next ' is literal; no escapes inside single quotes.
      StringBuilder out = new StringBuilder();
      next();
      if (rawQuotes) {
        out.append('\'');
      }
      while (true) {
        int ch = next();
        if (ch == EOF) {
          throw new LexException(
              "unexpected end of statement while looking for matching single-quote");
        }
        if (ch == '\'') {
          if (rawQuotes) {
            out.append('\'');
          }
          return out.toString();
        }
        out.append((char) ch);
      }
    }

    String doubleQuote() {
      // Literal except $ expansion; the escape character escapes only ", $ and itself.
      StringBuilder out = new StringBuilder();
      next();
      if (rawQuotes) {
        out.append('"');
      }
      while (true) {
        int ch = peek();
        if (ch == EOF) {
          throw new LexException(
              "unexpected end of statement while looking for matching double-quote");
        }
        if (ch == '"') {
          next();
          if (rawQuotes) {
            out.append('"');
          }
          return out.toString();
        }
        if (ch == '$') {
          out.append(dollar());
          continue;
        }
        ch = next();
        if (ch == escape) {
          if (rawEscapes) {
            out.append((char) ch);
          }
          int after = peek();
          if (after == EOF) {
            continue;
          }
          if (after == '"' || after == '$' || after == escape) {
            ch = next();
          }
        }
        out.append((char) ch);
      }
    }

    String dollar() {
      next();
      if (peek() != '{') {
        String name = name();
        if (name.isEmpty()) {
          return "$";
        }
        Optional<String> value = vars.get(name);
        if (value.isEmpty() && vars.keepsLiteral(name)) {
          return "$" + name;
        }
        return value.orElse("");
      }
      next();
      int first = peek();
      if (first == EOF) {
        throw new LexException("syntax error: missing '}'");
      }
      if (first == '{' || first == '}' || first == ':') {
        throw new LexException("syntax error: bad substitution");
      }
      String name = name();
      int ch = next();
      if (ch == '}') {
        Optional<String> value = vars.get(name);
        if (value.isEmpty() && vars.keepsLiteral(name)) {
          return "${" + name + "}";
        }
        return value.orElse("");
      }
      if (ch == EOF) {
        throw new LexException("syntax error: missing '}'");
      }
      return modifier(name, (char) ch);
    }

    String modifier(String name, char op) {
      if (op == '/') {
        return replacement(name);
      }
      boolean colon = op == ':';
      int mod = op;
      String spelled = String.valueOf(op);
      if (colon) {
        mod = next();
        spelled += mod == EOF ? "\uFFFD" : String.valueOf((char) mod); // Go's string(EOF)
      } else if ("+-?#%".indexOf(op) < 0) {
        throw Substitution.unsupported(spelled);
      }
      String word = until('}', mod == '#' || mod == '%', "syntax error: missing '}'");
      Optional<String> value = vars.get(name);
      if (value.isEmpty() && vars.keepsLiteral(name)) {
        return "${" + name + spelled + word + "}";
      }
      return Substitution.apply(name, value, colon, spelled, word);
    }

    /** {@code ${name/pattern/replacement}} and {@code ${name//pattern/replacement}}. */
    String replacement(String name) {
      boolean all = peek() == '/';
      if (all) {
        next();
      }
      // Both parts keep their escapes: the pattern needs them, and BuildKit keeps them in the
      // replacement too (${V//\//\/} turns / into \/).
      String pattern = until('/', true, "syntax error: missing '/' in ${}");
      String replacement = until('}', true, "syntax error: missing '}'");
      Optional<String> value = vars.get(name);
      if (value.isEmpty() && vars.keepsLiteral(name)) {
        // BuildKit's SkipUnsetEnv writes a single '/' here even for '//'; we keep what was written.
        return "${" + name + (all ? "//" : "/") + pattern + "/" + replacement + "}";
      }
      return Substitution.replace(value.orElse(""), pattern, replacement, all);
    }

    /** The text up to {@code stop}; running out of input is reported as BuildKit reports it. */
    private String until(char stop, boolean rawEsc, String missing) {
      try {
        return processStopOn(stop, rawEsc).text;
      } catch (LexException e) {
        if (peek() == EOF) {
          throw new LexException(missing);
        }
        throw e;
      }
    }

    String name() {
      StringBuilder name = new StringBuilder();
      while (peek() != EOF) {
        char ch = (char) peek();
        if (name.length() == 0 && Character.isDigit(ch)) {
          while (peek() != EOF && Character.isDigit((char) peek())) {
            name.append((char) next());
          }
          return name.toString();
        }
        if (name.length() == 0 && "@*#?-$!0".indexOf(ch) >= 0) {
          next();
          return String.valueOf(ch);
        }
        if (!Character.isLetterOrDigit(ch) && ch != '_') {
          break;
        }
        name.append((char) next());
      }
      return name.toString();
    }
  }

  /** A malformed word; the caller adds the file and line. */
  static final class LexException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    LexException(String message) {
      super(message, null, false, false);
    }
  }
}
