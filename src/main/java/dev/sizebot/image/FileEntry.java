package dev.sizebot.image;

import dev.sizebot.common.UnixPath;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of a layer tar (whiteout markers excluded; see {@link LayerIndex}).
 *
 * @param size bytes of content for regular files; 0 for everything else (a hardlink's bytes belong
 *     to its target)
 * @param linkTarget the symlink target as written, or for hardlinks the normalized target path
 * @param contentHash a hash of the file's bytes, for regular files only; equal hashes with equal
 *     sizes mean equal content (used for duplicates)
 */
public record FileEntry(
    UnixPath path,
    EntryType type,
    long size,
    int mode,
    long uid,
    long gid,
    Optional<String> linkTarget,
    Optional<String> contentHash) {
  public FileEntry {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(linkTarget, "linkTarget");
    Objects.requireNonNull(contentHash, "contentHash");
    if (size < 0) {
      throw new IllegalArgumentException("negative size for " + path);
    }
  }

  public boolean isFile() {
    return type == EntryType.FILE;
  }

  public boolean isDirectory() {
    return type == EntryType.DIRECTORY;
  }
}
