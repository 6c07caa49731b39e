package dev.sizebot.common;

/**
 * The one error family. Its message is the single line a user sees: what went wrong, on which
 * input, and what to do next. The exit code travels with it so the CLI maps errors in one place.
 */
public class SizebotException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final ExitCode exitCode;

  public SizebotException(ExitCode exitCode, String message) {
    this(exitCode, message, null);
  }

  public SizebotException(ExitCode exitCode, String message, Throwable cause) {
    super(oneLine(message), cause);
    this.exitCode = exitCode;
  }

  /** Bad user input: a file, archive, Dockerfile, ref or option that cannot be used (exit 2). */
  public static SizebotException invalidInput(String message) {
    return new SizebotException(ExitCode.INVALID_INPUT, message);
  }

  public static SizebotException invalidInput(String message, Throwable cause) {
    return new SizebotException(ExitCode.INVALID_INPUT, message, cause);
  }

  /** The engine, git or the machine failed us (exit 3). */
  public static SizebotException environment(String message) {
    return new SizebotException(ExitCode.ENVIRONMENT, message);
  }

  public static SizebotException environment(String message, Throwable cause) {
    return new SizebotException(ExitCode.ENVIRONMENT, message, cause);
  }

  /** GitHub refused or failed a publish (exit 4). */
  public static SizebotException publish(String message, Throwable cause) {
    return new SizebotException(ExitCode.PUBLISH, message, cause);
  }

  public ExitCode exitCode() {
    return exitCode;
  }

  // A user sees exactly one line per error, so embedded newlines (e.g. from a tool's output)
  // are folded here rather than at every throw site.
  private static String oneLine(String message) {
    return message == null ? "unknown error" : message.strip().replaceAll("\\s*[\\r\\n]+\\s*", " ");
  }
}
