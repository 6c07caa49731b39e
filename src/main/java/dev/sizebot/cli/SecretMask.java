package dev.sizebot.cli;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import dev.sizebot.report.Markdown;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Masks the values of build arguments whose names say they are secrets ({@code NPM_TOKEN}, {@code
 * DB_PASSWORD}, …) in everything compare prints, as GitHub masks registered secrets in logs.
 * Passing a token as a build argument is common and wrong: a RUN that uses it records it in the
 * image's history, a LABEL or ENV keeps it in the config, and the build log may echo it. sizebot
 * reports all three, into a PR comment that anyone with read access sees. The names are judged as
 * BuildKit's SecretsUsedInArgOrEnv check judges ARG and ENV keys: by their words.
 *
 * <p>A value is masked in each form the report can give it: as is, escaped as Markdown text, as a
 * JSON string, and with the pipe replaced as code spans and table cells replace it. Values under
 * {@value #SHORTEST} characters are left alone: masking "1" would mask every 1.
 */
final class SecretMask {
  static final String MASK = "***";
  static final int SHORTEST = 4;

  private static final Set<String> SECRET_WORDS =
      Set.of(
          "token",
          "secret",
          "password",
          "passwd",
          "pwd",
          "pword",
          "passphrase",
          "credential",
          "credentials",
          "apikey",
          "auth",
          "key",
          "pat");
  private static final Pattern WORD_BREAK = Pattern.compile("[^A-Za-z0-9]+|(?<=[a-z0-9])(?=[A-Z])");

  private final List<String> forms;

  private SecretMask(List<String> forms) {
    this.forms = forms;
  }

  /** The mask for these build arguments; masks nothing when none looks like a secret. */
  static SecretMask of(Map<String, String> buildArgs) {
    Set<String> forms = new LinkedHashSet<>();
    buildArgs.forEach(
        (name, value) -> {
          if (isSecretName(name) && value.length() >= SHORTEST) {
            forms.add(value);
            forms.add(Markdown.text(value));
            forms.add(new String(JsonStringEncoder.getInstance().quoteAsString(value)));
            forms.add(value.replace("|", "\u2502"));
            forms.add(value.replace("|", "\\|"));
          }
        });
    // Longest first, so a value that contains another is masked whole.
    return new SecretMask(
        forms.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList());
  }

  /**
   * One warning per build argument whose name says it is a secret (without the {@code sizebot: }
   * prefix), in the order given, saying truly what became of its value: masked, too short to mask,
   * or empty.
   */
  static List<String> warnings(Map<String, String> buildArgs) {
    List<String> warnings = new ArrayList<>();
    buildArgs.forEach(
        (name, value) -> {
          if (!isSecretName(name)) {
            return;
          }
          String masked =
              value.isEmpty()
                  ? ""
                  : value.length() < SHORTEST
                      ? ", and its value is too short to mask (under "
                          + SHORTEST
                          + " characters), so it may show in the report"
                      : ": sizebot masks its value";
          warnings.add(
              "warning: --build-arg "
                  + name
                  + " looks like a secret"
                  + masked
                  + "; a RUN that uses a build argument records it in the image's history,"
                  + " so pass it with RUN --mount=type=secret instead");
        });
    return List.copyOf(warnings);
  }

  /** Whether a build argument's name says it holds a secret: one of its words is a secret word. */
  static boolean isSecretName(String name) {
    for (String word : WORD_BREAK.split(name)) {
      if (SECRET_WORDS.contains(word.toLowerCase(Locale.ROOT))) {
        return true;
      }
    }
    return false;
  }

  boolean isEmpty() {
    return forms.isEmpty();
  }

  String apply(String text) {
    String masked = text;
    for (String form : forms) {
      masked = masked.replace(form, MASK);
    }
    return masked;
  }

  /**
   * {@code target}, masked line by line: a line is written once it is complete, or on flush (every
   * print of sizebot's ends a line or flushes, so a value is never split between two writes).
   */
  PrintWriter around(PrintWriter target) {
    if (isEmpty()) {
      return target;
    }
    return new PrintWriter(
        new Writer() {
          private final StringBuilder line = new StringBuilder();

          @Override
          public void write(char[] chars, int off, int len) {
            for (int i = off; i < off + len; i++) {
              line.append(chars[i]);
              if (chars[i] == '\n') {
                emit();
              }
            }
          }

          @Override
          public void flush() {
            emit();
            target.flush();
          }

          @Override
          public void close() throws IOException {
            flush();
          }

          private void emit() {
            if (line.length() > 0) {
              target.write(apply(line.toString()));
              line.setLength(0);
            }
          }
        },
        true);
  }
}
