package dev.sizebot.image;

/**
 * The kind of a tar entry in a layer (POSIX ustar typeflags, folded to what sizing cares about).
 */
public enum EntryType {
  FILE,
  DIRECTORY,
  SYMLINK,
  HARDLINK,
  CHAR_DEVICE,
  BLOCK_DEVICE,
  FIFO,
  OTHER
}
