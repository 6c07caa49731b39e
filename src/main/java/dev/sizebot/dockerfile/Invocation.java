package dev.sizebot.dockerfile;

import java.util.List;

/**
 * The command of RUN, CMD, ENTRYPOINT or HEALTHCHECK CMD: exec form (a JSON array, run without a
 * shell) or shell form (one string handed to the stage's SHELL).
 *
 * @param exec true for the JSON exec form
 * @param args the JSON array's strings, or a single element holding the shell-form text
 */
public record Invocation(boolean exec, List<String> args) {
  public Invocation {
    args = List.copyOf(args);
    if (!exec && args.size() != 1) {
      throw new IllegalArgumentException("shell form has exactly one argument: " + args);
    }
  }

  public static Invocation shell(String text) {
    return new Invocation(false, List.of(text));
  }

  public static Invocation exec(List<String> args) {
    return new Invocation(true, args);
  }

  /** The shell-form text, or the exec-form words joined by spaces (for display only). */
  public String text() {
    return String.join(" ", args);
  }
}
