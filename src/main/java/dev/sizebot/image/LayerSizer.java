package dev.sizebot.image;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Counts a layer's size the way the engine does. moby's overlay2 {@code ApplyDiff} returns {@code
 * directory.Size} of the unpacked diff directory: the sum of lstat sizes of every non-directory,
 * each inode once. So a regular file counts its bytes once however many hardlinks name it, a
 * symlink counts the length of its target, whiteout devices and empty files count 0, and a path
 * written twice in one tar counts only its last version.
 */
final class LayerSizer {
  /** One inode of the unpacked layer; identity is what hardlinks share. */
  private static final class Inode {
    final long size;

    Inode(long size) {
      this.size = size;
    }
  }

  private final Map<String, Inode> byPath = new HashMap<>();

  void file(String path, long size) {
    byPath.put(path, new Inode(size));
  }

  void symlink(String path, long targetBytes) {
    byPath.put(path, new Inode(targetBytes));
  }

  /** A hardlink shares its target's inode; a dangling one (cannot unpack) adds nothing. */
  void hardlink(String path, String target) {
    Inode inode = byPath.get(target);
    byPath.put(path, inode == null ? new Inode(0) : inode);
  }

  /** A directory or device replacing a path drops whatever was there. */
  void other(String path) {
    byPath.remove(path);
  }

  long size() {
    Map<Inode, Boolean> seen = new IdentityHashMap<>();
    long total = 0;
    for (Inode inode : byPath.values()) {
      if (seen.put(inode, Boolean.TRUE) == null) {
        total += inode.size;
      }
    }
    return total;
  }
}
