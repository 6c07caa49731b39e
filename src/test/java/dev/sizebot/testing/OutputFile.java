package dev.sizebot.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A step's {@code $GITHUB_OUTPUT} file as the runner reads it: {@code name<<DELIMITER}, the value's
 * lines, {@code DELIMITER}. Asserts each delimiter is the toolkit's {@code ghadelimiter_<uuid>} and
 * used once.
 */
public final class OutputFile {
  private static final Pattern ENTRY =
      Pattern.compile(
          "([A-Za-z0-9_-]+)<<(ghadelimiter_[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\n"
              + "(.*?)\n\\2\n",
          Pattern.DOTALL);

  private OutputFile() {}

  /** The outputs in file order; fails unless the whole file is such entries. */
  public static Map<String, String> parse(String text) {
    Map<String, String> outputs = new LinkedHashMap<>();
    Set<String> delimiters = new HashSet<>();
    Matcher m = ENTRY.matcher(text);
    int end = 0;
    while (m.find() && m.start() == end) {
      assertThat(delimiters.add(m.group(2))).as("delimiter %s used twice", m.group(2)).isTrue();
      outputs.put(m.group(1), m.group(3));
      end = m.end();
    }
    assertThat(text.substring(end)).as("text after the last output").isEmpty();
    return outputs;
  }
}
