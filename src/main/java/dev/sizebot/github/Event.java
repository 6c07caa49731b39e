package dev.sizebot.github;

import java.util.List;
import java.util.Optional;

/**
 * The webhook event a workflow run was started by, reduced to what sizebot needs. Payload shapes
 * follow GitHub's "Webhook events and payloads" reference.
 */
public sealed interface Event {

  /**
   * {@code pull_request} or {@code pull_request_target}. {@code headSha} is the PR's head commit
   * (not GITHUB_SHA, which is the test merge commit); a fork's head repository differs from the
   * base's (a deleted fork has none, and counts as a fork). {@code title} is untrusted text.
   */
  record PullRequest(
      int number,
      String title,
      String headSha,
      String baseSha,
      String headRef,
      String baseRef,
      Optional<String> headRepo,
      String baseRepo,
      List<String> labels)
      implements Event {
    public PullRequest {
      labels = List.copyOf(labels);
    }

    public boolean fork() {
      return headRepo.map(h -> !h.equalsIgnoreCase(baseRepo)).orElse(true);
    }
  }

  /**
   * {@code workflow_run}: the second, trusted phase of a fork-safe setup. {@code pullRequests} is
   * the payload's list of PR numbers, which GitHub leaves empty for a PR from a fork.
   */
  record WorkflowRun(
      long runId,
      String triggeringEvent,
      String headSha,
      String headBranch,
      Optional<String> headRepo,
      List<Integer> pullRequests)
      implements Event {
    public WorkflowRun {
      pullRequests = List.copyOf(pullRequests);
    }
  }

  /** {@code push}: {@code before} and {@code after} commits of {@code ref}. */
  record Push(String ref, String before, String after) implements Event {}

  /** {@code schedule} (the payload carries only the cron line); the commit is GITHUB_SHA. */
  record Schedule(String cron, String sha) implements Event {}

  /** {@code workflow_dispatch}: a manual run on {@code ref}; the commit is GITHUB_SHA. */
  record Dispatch(String ref, String sha) implements Event {}
}
