package dev.sizebot.docker;

import dev.sizebot.common.SizebotException;
import java.nio.file.Path;

/**
 * A detached checkout of one commit in a directory of its own ({@code git worktree add}), so a side
 * builds from its own tree while the user's working tree and index stay untouched.
 */
public record Worktree(Path repoRoot, Path dir, String commit) {
  public Worktree {
    if (repoRoot == null || dir == null || commit == null) {
      throw new IllegalArgumentException("repoRoot, dir and commit are required");
    }
  }

  /**
   * The same path in this checkout: {@code /repo/docker/api.Dockerfile} (or the relative {@code
   * docker/api.Dockerfile}, read from the repository root) becomes {@code
   * <dir>/docker/api.Dockerfile}.
   */
  public Path resolve(Path inUserCheckout) {
    Path absolute = repoRoot.resolve(inUserCheckout).normalize();
    if (!absolute.startsWith(repoRoot)) {
      throw SizebotException.invalidInput(
          inUserCheckout + " lies outside the repository " + repoRoot + "; give a path inside it");
    }
    return dir.resolve(repoRoot.relativize(absolute));
  }

  /** {@code request} with its context and Dockerfile moved into this checkout. */
  public BuildRequest relocate(BuildRequest request) {
    return request.relocate(repoRoot, dir);
  }
}
