package dev.sizebot.common;

/** sizebot's process exit codes, mapped in this one place (see DESIGN.md, "Commands"). */
public enum ExitCode {
  OK(0),
  BUDGET_EXCEEDED(1),
  INVALID_INPUT(2),
  ENVIRONMENT(3),
  PUBLISH(4),
  INTERNAL(70);

  private final int code;

  ExitCode(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }
}
