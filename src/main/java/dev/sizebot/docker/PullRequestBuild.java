package dev.sizebot.docker;

/**
 * Builds both sides of a pull request from their own git worktrees: the merge-base first, then the
 * head, on the same engine, so the head reuses the base's cache. Both sides are always built; a
 * failed side is a {@link BuildResult.Failed} the report shows.
 */
public final class PullRequestBuild {
  /** What was compared and how each side's build ended. */
  public record Result(ComparedCommits commits, BuildResult base, BuildResult head) {
    public Result {
      if (commits == null || base == null || head == null) {
        throw new IllegalArgumentException("commits, base and head are required");
      }
    }
  }

  private PullRequestBuild() {}

  /**
   * Resolves {@code baseRef}'s merge-base with {@code headRef} in {@code repo}, checks each out
   * into a worktree owned by {@code run}, and builds {@code request} (paths in the user's checkout)
   * in each, tagged {@code …-base} and {@code …-head}.
   */
  public static Result build(
      GitRepo repo,
      String baseRef,
      String headRef,
      BuildRequest request,
      Builder builder,
      RunResources run) {
    ComparedCommits commits = repo.compare(baseRef, headRef);
    Worktree baseTree = repo.checkout(commits.mergeBase(), run);
    BuildResult base = builder.build(baseTree.relocate(request), "base");
    Worktree headTree = repo.checkout(commits.head(), run);
    BuildResult head = builder.build(headTree.relocate(request), "head");
    return new Result(commits, base, head);
  }
}
