package dev.sizebot.github;

import dev.sizebot.common.SizebotException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The files a step writes to talk to the runner: {@code $GITHUB_OUTPUT} and {@code
 * $GITHUB_STEP_SUMMARY}. Both are appended to (other steps' lines may already be there). Values are
 * written as GitHub's toolkit does ({@code @actions/core} {@code prepareKeyValueMessage}): {@code
 * name<<DELIM}, the value, {@code DELIM}, with a random delimiter that must not occur in the name
 * or value, so a multiline value (the comment body) cannot end early or inject another output.
 */
public final class StepFiles {
  private final Supplier<String> delimiters;

  private StepFiles(Supplier<String> delimiters) {
    this.delimiters = delimiters;
  }

  /** Random {@code ghadelimiter_<uuid>} delimiters, as the toolkit makes them. */
  public static StepFiles random() {
    return new StepFiles(() -> "ghadelimiter_" + UUID.randomUUID());
  }

  /** Fixed delimiters, for tests that compare a file's exact content. */
  public static StepFiles withDelimiters(Supplier<String> delimiters) {
    return new StepFiles(delimiters);
  }

  /** Appends {@code outputs} to the {@code $GITHUB_OUTPUT} file. */
  public void writeOutputs(Path file, Outputs outputs) {
    writeOutputs(file, outputs.asMap());
  }

  public void writeOutputs(Path file, Map<String, String> outputs) {
    StringBuilder text = new StringBuilder();
    for (Map.Entry<String, String> e : outputs.entrySet()) {
      String delimiter = delimiters.get();
      if (e.getKey().contains(delimiter) || e.getValue().contains(delimiter)) {
        throw new IllegalStateException("output delimiter " + delimiter + " occurs in the value");
      }
      text.append(e.getKey()).append("<<").append(delimiter).append('\n');
      text.append(e.getValue()).append('\n').append(delimiter).append('\n');
    }
    append(file, text.toString(), "GITHUB_OUTPUT");
  }

  /** Appends {@code markdown} (and a newline) to the {@code $GITHUB_STEP_SUMMARY} file. */
  public void appendSummary(Path file, String markdown) {
    append(file, markdown.endsWith("\n") ? markdown : markdown + "\n", "GITHUB_STEP_SUMMARY");
  }

  private static void append(Path file, String text, String variable) {
    try {
      Files.writeString(
          file,
          text,
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND,
          StandardOpenOption.WRITE);
    } catch (IOException e) {
      throw SizebotException.environment(
          variable + "=" + file + ": cannot append to it (" + e.getMessage() + ")", e);
    }
  }
}
