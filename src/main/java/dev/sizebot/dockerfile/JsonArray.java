package dev.sizebot.dockerfile;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decides the exec form as BuildKit does: the whole argument text must be one valid JSON array
 * (Go's json.Unmarshal); an invalid one means shell form, but a valid array holding anything but
 * strings is an error.
 */
final class JsonArray {
  private static final int MAX_DEPTH = 1000;
  private final String s;
  private int pos;
  private int depth;

  private JsonArray(String s) {
    this.s = s;
  }

  /** Sentinel thrown when a valid JSON array holds non-strings. */
  static final class NotStrings extends RuntimeException {
    private static final long serialVersionUID = 1L;

    NotStrings() {
      super(
          "when using JSON array syntax, arrays must be comprised of strings only",
          null,
          false,
          false);
    }
  }

  private static final class Invalid extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Invalid() {
      super(null, null, false, false);
    }
  }

  /** The array's strings, or empty when the text is not a JSON array (shell form). */
  static Optional<List<String>> parse(String text) {
    String rest = text.stripLeading();
    if (!rest.startsWith("[")) {
      return Optional.empty();
    }
    JsonArray p = new JsonArray(rest);
    List<Object> values;
    try {
      values = p.array();
      p.ws();
      if (p.pos != p.s.length()) {
        return Optional.empty();
      }
    } catch (Invalid e) {
      return Optional.empty();
    }
    List<String> strings = new ArrayList<>();
    for (Object v : values) {
      if (!(v instanceof String str)) {
        throw new NotStrings();
      }
      strings.add(str);
    }
    return Optional.of(strings);
  }

  private void ws() {
    while (pos < s.length() && " \t\n\r".indexOf(s.charAt(pos)) >= 0) {
      pos++;
    }
  }

  private char peek() {
    if (pos >= s.length()) {
      throw new Invalid();
    }
    return s.charAt(pos);
  }

  private List<Object> array() {
    if (++depth > MAX_DEPTH) {
      throw new Invalid(); // Go's decoder also gives up on very deep nesting
    }
    pos++; // [
    List<Object> out = new ArrayList<>();
    ws();
    if (peek() == ']') {
      pos++;
      return out;
    }
    while (true) {
      ws();
      out.add(value());
      ws();
      char c = peek();
      pos++;
      if (c == ']') {
        return out;
      }
      if (c != ',') {
        throw new Invalid();
      }
    }
  }

  private Object value() {
    char c = peek();
    if (c == '"') {
      return string();
    }
    if (c == '[') {
      return array();
    }
    if (c == '{') {
      object();
      return new Object();
    }
    for (String lit : new String[] {"true", "false", "null"}) {
      if (s.startsWith(lit, pos)) {
        pos += lit.length();
        return Boolean.TRUE; // any non-string: fails the strings-only check
      }
    }
    number();
    return 0;
  }

  private void object() {
    if (++depth > MAX_DEPTH) {
      throw new Invalid();
    }
    pos++;
    ws();
    if (peek() == '}') {
      pos++;
      return;
    }
    while (true) {
      ws();
      if (peek() != '"') {
        throw new Invalid();
      }
      string();
      ws();
      if (peek() != ':') {
        throw new Invalid();
      }
      pos++;
      ws();
      value();
      ws();
      char c = peek();
      pos++;
      if (c == '}') {
        return;
      }
      if (c != ',') {
        throw new Invalid();
      }
    }
  }

  private void number() {
    int start = pos;
    while (pos < s.length() && "+-0123456789.eE".indexOf(s.charAt(pos)) >= 0) {
      pos++;
    }
    String n = s.substring(start, pos);
    if (!n.matches("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?")) {
      throw new Invalid();
    }
  }

  private String string() {
    pos++;
    StringBuilder out = new StringBuilder();
    while (true) {
      char c = peek();
      pos++;
      if (c == '"') {
        return out.toString();
      }
      if (c < 0x20) {
        throw new Invalid();
      }
      if (c != '\\') {
        out.append(c);
        continue;
      }
      char e = peek();
      pos++;
      switch (e) {
        case '"', '\\', '/' -> out.append(e);
        case 'b' -> out.append('\b');
        case 'f' -> out.append('\f');
        case 'n' -> out.append('\n');
        case 'r' -> out.append('\r');
        case 't' -> out.append('\t');
        case 'u' -> {
          if (pos + 4 > s.length() || !s.substring(pos, pos + 4).matches("[0-9a-fA-F]{4}")) {
            throw new Invalid();
          }
          out.append((char) Integer.parseInt(s.substring(pos, pos + 4), 16));
          pos += 4;
        }
        default -> throw new Invalid();
      }
    }
  }
}
