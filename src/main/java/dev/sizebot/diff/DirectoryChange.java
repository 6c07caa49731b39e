package dev.sizebot.diff;

import dev.sizebot.common.UnixPath;
import java.util.Objects;

/** File changes summed under one directory, for long change lists. */
public record DirectoryChange(
    UnixPath directory, int added, int removed, int changed, long baseBytes, long headBytes) {
  public DirectoryChange {
    Objects.requireNonNull(directory, "directory");
  }

  static DirectoryChange of(UnixPath directory, FileChange c) {
    return new DirectoryChange(
        directory,
        c.kind() == FileChange.Kind.ADDED ? 1 : 0,
        c.kind() == FileChange.Kind.REMOVED ? 1 : 0,
        c.kind() == FileChange.Kind.ADDED || c.kind() == FileChange.Kind.REMOVED ? 0 : 1,
        c.baseSize(),
        c.headSize());
  }

  DirectoryChange plus(DirectoryChange o) {
    return new DirectoryChange(
        directory,
        added + o.added,
        removed + o.removed,
        changed + o.changed,
        baseBytes + o.baseBytes,
        headBytes + o.headBytes);
  }

  public long delta() {
    return headBytes - baseBytes;
  }

  public int files() {
    return added + removed + changed;
  }
}
