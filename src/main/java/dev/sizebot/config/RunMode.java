package dev.sizebot.config;

/** What the action's container does: the {@code mode} input. */
public enum RunMode {
  /** Build, compare and publish for a pull request ({@code sizebot pr}). */
  PR,
  /** Post a report saved by an earlier, unprivileged job ({@code sizebot publish}). */
  PUBLISH,
  /** Combine the reports of matrix jobs into one comment ({@code sizebot merge}). */
  MERGE,
  /** Analyse the default branch and keep the audit issue ({@code sizebot audit}). */
  AUDIT
}
