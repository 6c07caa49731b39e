package dev.sizebot.github;

/**
 * A finding pinned to Dockerfile lines: a check-run annotation and a workflow-command annotation.
 * {@code path} is relative to the repository root; lines are 1-based and inclusive.
 */
public record Annotation(
    String path, int startLine, int endLine, Level level, String title, String message) {
  public Annotation {
    if (path.isBlank() || path.startsWith("/") || startLine < 1 || endLine < startLine) {
      throw new IllegalArgumentException(
          "bad annotation range " + path + ":" + startLine + "-" + endLine);
    }
  }

  /** Check-run annotation levels (GitHub REST: {@code annotation_level}). */
  public enum Level {
    NOTICE("notice", "notice"),
    WARNING("warning", "warning"),
    FAILURE("failure", "error");

    private final String checkRun;
    private final String workflowCommand;

    Level(String checkRun, String workflowCommand) {
      this.checkRun = checkRun;
      this.workflowCommand = workflowCommand;
    }

    /** The check-run API's word. */
    public String checkRun() {
      return checkRun;
    }

    /** The workflow command's name ({@code ::notice}, {@code ::warning}, {@code ::error}). */
    public String workflowCommand() {
      return workflowCommand;
    }
  }
}
