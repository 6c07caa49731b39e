package dev.sizebot.docker;

import java.util.regex.Pattern;

/**
 * What a PR comparison built: the base ref and the merge-base commit it resolved to (not the base
 * branch's tip: the PR's own change is what differs from where it branched off), and the head.
 */
public record ComparedCommits(String baseRef, String mergeBase, String headRef, String head) {
  private static final Pattern SHA = Pattern.compile("[0-9a-f]{40}|[0-9a-f]{64}");
  private static final int SHORT = 7;

  public ComparedCommits {
    if (baseRef == null || baseRef.isBlank() || headRef == null || headRef.isBlank()) {
      throw new IllegalArgumentException("baseRef and headRef are required");
    }
    if (mergeBase == null || !SHA.matcher(mergeBase).matches()) {
      throw new IllegalArgumentException("merge-base must be a full commit id: " + mergeBase);
    }
    if (head == null || !SHA.matcher(head).matches()) {
      throw new IllegalArgumentException("head must be a full commit id: " + head);
    }
  }

  public String shortMergeBase() {
    return mergeBase.substring(0, SHORT);
  }

  public String shortHead() {
    return head.substring(0, SHORT);
  }

  /** For the report: {@code base main@1a2b3c4 (merge-base) → head feature@5d6e7f8}. */
  public String describe() {
    return "base "
        + baseRef
        + "@"
        + shortMergeBase()
        + " (merge-base) → head "
        + headRef
        + "@"
        + shortHead();
  }
}
