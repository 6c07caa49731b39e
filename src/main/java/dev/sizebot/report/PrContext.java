package dev.sizebot.report;

import java.util.Objects;

/**
 * Which pull request a report was made for, so {@code sizebot publish} can refuse a saved report
 * whose PR or head commit no longer matches what the API says.
 *
 * @param repository {@code owner/name}
 * @param title the PR title (untrusted: renderers escape and shorten it)
 * @param headSha the PR head commit (from the payload, not {@code GITHUB_SHA}, a merge commit)
 * @param baseSha the commit the head was compared against (the merge-base)
 */
public record PrContext(
    String repository, long number, String title, String headSha, String baseSha) {
  public PrContext {
    Objects.requireNonNull(repository, "repository");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(headSha, "headSha");
    Objects.requireNonNull(baseSha, "baseSha");
    if (number < 1) {
      throw new IllegalArgumentException("a pull request number is positive: " + number);
    }
  }
}
