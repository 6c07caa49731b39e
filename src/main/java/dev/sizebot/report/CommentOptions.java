package dev.sizebot.report;

import java.util.Objects;
import java.util.Optional;

/**
 * How the PR comment is rendered beyond the report itself.
 *
 * @param overrideLabel the label that turns a failing check neutral (configurable)
 * @param overrideWho who may apply it, as the comment says it
 * @param artifactName the workflow artifact that holds the JSON report
 * @param runUrl the workflow run whose job summary holds the full report ({@code https://…} only)
 * @param maxChars the body limit; GitHub refuses issue comments over 65,536 characters
 */
public record CommentOptions(
    String overrideLabel,
    String overrideWho,
    String artifactName,
    Optional<String> runUrl,
    int maxChars) {
  public static final int GITHUB_MAX_CHARS = 65_536;

  /**
   * The defaults. Labels can be applied by anyone with triage access or more (GitHub's repository
   * roles), which is what the comment says unless told otherwise.
   */
  public static final CommentOptions DEFAULT =
      new CommentOptions(
          "sizebot:override",
          "anyone with triage, write or admin access to the repository",
          "sizebot-report",
          Optional.empty(),
          GITHUB_MAX_CHARS);

  public CommentOptions {
    Objects.requireNonNull(overrideLabel, "overrideLabel");
    Objects.requireNonNull(overrideWho, "overrideWho");
    Objects.requireNonNull(artifactName, "artifactName");
    Objects.requireNonNull(runUrl, "runUrl");
    runUrl = runUrl.filter(url -> url.matches("https://[^\\s()<>\\[\\]`\"']+"));
    if (maxChars < 2_000) {
      throw new IllegalArgumentException(
          "a comment limit under 2,000 characters cannot hold a headline");
    }
  }

  public CommentOptions withOverride(String label, String who) {
    return new CommentOptions(label, who, artifactName, runUrl, maxChars);
  }

  public CommentOptions withRunUrl(String url) {
    return new CommentOptions(overrideLabel, overrideWho, artifactName, Optional.of(url), maxChars);
  }

  public CommentOptions withArtifactName(String name) {
    return new CommentOptions(overrideLabel, overrideWho, name, runUrl, maxChars);
  }

  public CommentOptions withMaxChars(int chars) {
    return new CommentOptions(overrideLabel, overrideWho, artifactName, runUrl, chars);
  }
}
