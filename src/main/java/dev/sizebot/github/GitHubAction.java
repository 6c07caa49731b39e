package dev.sizebot.github;

/**
 * What sizebot was doing when GitHub said no, and the workflow permission it needs, so an error can
 * tell the user exactly which {@code permissions:} line to add.
 */
public enum GitHubAction {
  READ_REPOSITORY("read the repository", "contents: read"),
  READ_PULL_REQUEST("read the pull request", "pull-requests: read"),
  COMMENT("post the pull request comment", "pull-requests: write"),
  CHECK_RUN("create the check run", "checks: write"),
  COMMIT_STATUS("set the commit status", "statuses: write"),
  REVIEW("post review suggestions", "pull-requests: write"),
  AUDIT_ISSUE("update the audit issue", "issues: write"),
  HISTORY("write the audit history file", "contents: write");

  private final String doing;
  private final String permission;

  GitHubAction(String doing, String permission) {
    this.doing = doing;
    this.permission = permission;
  }

  public String doing() {
    return doing;
  }

  public String permission() {
    return permission;
  }
}
