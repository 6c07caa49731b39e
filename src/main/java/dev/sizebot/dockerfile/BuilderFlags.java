package dev.sizebot.dockerfile;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code --name=value} flags at the start of an instruction's arguments, split off as
 * BuildKit's extractBuilderFlags does: quotes removed, backslash escapes applied (always backslash,
 * whatever the escape directive says), a bare {@code --} ends the flags.
 */
final class BuilderFlags {
  private BuilderFlags() {}

  record Split(List<String> flags, String rest) {}

  static Split extract(String line) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean inWord = false;
    boolean inQuote = false;
    boolean blankOk = false;
    char quote = 0;
    int n = line.length();
    for (int pos = 0; pos < n; pos++) {
      char ch = line.charAt(pos);
      if (!inWord && !inQuote) {
        if (Character.isWhitespace(ch)) {
          continue;
        }
        if (ch != '-' || pos + 1 == n || line.charAt(pos + 1) != '-') {
          return new Split(words, line.substring(pos));
        }
        inWord = true;
      }
      if (inQuote) {
        if (ch == quote) {
          inQuote = false;
          inWord = true;
          continue;
        }
        if (ch == '\\') {
          if (pos + 1 == n) {
            inQuote = false;
            inWord = true;
            continue;
          }
          ch = line.charAt(++pos);
        }
        word.append(ch);
        continue;
      }
      if (Character.isWhitespace(ch)) {
        inWord = false;
        if (word.toString().equals("--")) {
          return new Split(words, line.substring(pos));
        }
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
        continue;
      }
      if (ch == '\\') {
        if (pos + 1 == n) {
          continue;
        }
        ch = line.charAt(++pos);
      }
      word.append(ch);
    }
    if ((inWord || inQuote) && !word.toString().equals("--") && (blankOk || word.length() > 0)) {
      words.add(word.toString());
    }
    return new Split(words, "");
  }
}
