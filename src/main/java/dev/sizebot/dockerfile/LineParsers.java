package dev.sizebot.dockerfile;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Splits one logical line into keyword, flags and arguments exactly as BuildKit's parser does
 * (frontend/dockerfile/parser: split_command.go and line_parsers.go). Arguments stay unexpanded;
 * quotes are kept where BuildKit keeps them (ENV, LABEL, ARG words).
 */
final class LineParsers {
  private static final Pattern WHITESPACE = Pattern.compile("[\\t\\u000B\\f\\r ]+");

  private LineParsers() {}

  /** A parsed line before it gets a source range. */
  record Parsed(
      String keyword, List<String> flags, List<String> args, boolean json, Optional<Parsed> child) {
    Parsed {
      flags = List.copyOf(flags);
      args = List.copyOf(args);
    }
  }

  /** A line that BuildKit's parser rejects; the caller adds file and line. */
  static final class SyntaxError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    SyntaxError(String message) {
      super(message, null, false, false);
    }
  }

  static Parsed parse(String line, char escape) {
    String trimmed = line.strip();
    String[] cmdline = WHITESPACE.split(trimmed, 2);
    String keyword = cmdline[0].toLowerCase(Locale.ROOT);
    List<String> flags = List.of();
    String rest = "";
    if (cmdline.length == 2) {
      BuilderFlags.Split split = BuilderFlags.extract(cmdline[1]);
      flags = split.flags();
      rest = split.rest().strip();
    }
    return dispatch(keyword, flags, rest, escape);
  }

  private static Parsed dispatch(String keyword, List<String> flags, String rest, char escape) {
    return switch (keyword) {
      case "add", "copy", "volume" -> maybeJsonToList(keyword, flags, rest);
      case "arg" -> new Parsed(keyword, flags, words(rest, escape), false, Optional.empty());
      case "cmd", "entrypoint", "run", "shell" -> maybeJson(keyword, flags, rest);
      case "env", "label" ->
          new Parsed(keyword, flags, nameVal(rest, keyword, escape), false, Optional.empty());
      case "expose", "from" ->
          new Parsed(keyword, flags, whitespaceDelimited(rest), false, Optional.empty());
      case "healthcheck" -> health(flags, rest);
      case "maintainer", "stopsignal", "user", "workdir" ->
          new Parsed(
              keyword, flags, rest.isEmpty() ? List.of() : List.of(rest), false, Optional.empty());
      case "onbuild" -> subCommand(flags, rest, escape);
      default -> new Parsed(keyword, flags, List.of(), false, Optional.empty());
    };
  }

  private static Parsed subCommand(List<String> flags, String rest, char escape) {
    if (rest.isEmpty()) {
      return new Parsed("onbuild", flags, List.of(), false, Optional.empty());
    }
    Parsed child = parse(rest, escape);
    List<String> args = new ArrayList<>();
    args.add(WHITESPACE.split(rest.strip(), 2)[0]);
    args.addAll(child.args());
    return new Parsed("onbuild", flags, args, child.json(), Optional.of(child));
  }

  private static Parsed maybeJson(String keyword, List<String> flags, String rest) {
    if (rest.isEmpty()) {
      return new Parsed(keyword, flags, List.of(), false, Optional.empty());
    }
    Optional<List<String>> json = json(rest);
    return json.map(a -> new Parsed(keyword, flags, a, true, Optional.empty()))
        .orElseGet(() -> new Parsed(keyword, flags, List.of(rest), false, Optional.empty()));
  }

  private static Parsed maybeJsonToList(String keyword, List<String> flags, String rest) {
    Optional<List<String>> json = json(rest);
    return json.map(a -> new Parsed(keyword, flags, a, true, Optional.empty()))
        .orElseGet(
            () -> new Parsed(keyword, flags, whitespaceDelimited(rest), false, Optional.empty()));
  }

  private static Optional<List<String>> json(String rest) {
    try {
      return JsonArray.parse(rest);
    } catch (JsonArray.NotStrings e) {
      throw new SyntaxError(e.getMessage());
    }
  }

  private static Parsed health(List<String> flags, String rest) {
    int sep = 0;
    while (sep < rest.length() && !Character.isWhitespace(rest.charAt(sep))) {
      sep++;
    }
    if (sep == 0) {
      return new Parsed("healthcheck", flags, List.of(), false, Optional.empty());
    }
    int next = sep;
    while (next < rest.length() && Character.isWhitespace(rest.charAt(next))) {
      next++;
    }
    Parsed cmd = maybeJson("cmd", List.of(), rest.substring(next));
    List<String> args = new ArrayList<>();
    args.add(rest.substring(0, sep));
    args.addAll(cmd.args());
    return new Parsed("healthcheck", flags, args, cmd.json(), Optional.empty());
  }

  /** BuildKit's whitespace split, which yields one "" for an empty rest. */
  static List<String> whitespaceDelimited(String rest) {
    if (rest.isEmpty()) {
      return List.of();
    }
    return List.of(WHITESPACE.split(rest, -1));
  }

  /**
   * ENV and LABEL: the legacy {@code KEY value} form (one pair, separator "") or {@code k=v …}
   * (separator "="); each pair is three arguments, as in BuildKit's AST.
   */
  private static List<String> nameVal(String rest, String keyword, char escape) {
    List<String> words = words(rest, escape);
    if (words.isEmpty()) {
      return List.of();
    }
    String upper = keyword.toUpperCase(Locale.ROOT);
    if (!words.get(0).contains("=")) {
      String[] parts = WHITESPACE.split(rest, 2);
      if (parts.length < 2) {
        throw new SyntaxError(upper + " must have two arguments");
      }
      return List.of(parts[0], parts[1], "");
    }
    List<String> args = new ArrayList<>();
    for (String word : words) {
      int eq = word.indexOf('=');
      if (eq < 0) {
        throw new SyntaxError(
            "Syntax error - can't find = in \"" + word + "\". Must be of the form: name=value");
      }
      args.add(word.substring(0, eq));
      args.add(word.substring(eq + 1));
      args.add("=");
    }
    return args;
  }

  /** BuildKit's parseWords: whitespace-separated words, quotes and escapes kept as written. */
  static List<String> words(String rest, char escape) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean inWord = false;
    boolean blankOk = false;
    char quote = 0;
    boolean inQuote = false;
    int n = rest.length();
    for (int pos = 0; pos < n; pos++) {
      char ch = rest.charAt(pos);
      if (!inWord && !inQuote) {
        if (Character.isWhitespace(ch)) {
          continue;
        }
        inWord = true;
      }
      if (inQuote) {
        if (ch == quote) {
          inQuote = false;
          inWord = true;
        }
        if (ch == escape && quote != '\'') {
          if (pos + 1 == n) {
            inQuote = false;
            inWord = true;
            continue;
          }
          word.append(ch);
          ch = rest.charAt(++pos);
        }
        word.append(ch);
        continue;
      }
      if (Character.isWhitespace(ch)) {
        inWord = false;
        if (blankOk || word.length() > 0) {
          words.add(word.toString());
        }
        word.setLength(0);
        blankOk = false;
        continue;
      }
      if (ch == '\'' || ch == '"') {
        quote = ch;
        blankOk = true;
        inQuote = true;
        inWord = false;
      }
      if (ch == escape) {
        if (pos + 1 == n) {
          continue;
        }
        word.append(ch);
        ch = rest.charAt(++pos);
      }
      word.append(ch);
    }
    if ((inWord || inQuote) && (blankOk || word.length() > 0)) {
      words.add(word.toString());
    }
    return words;
  }
}
