package dev.sizebot.analysis;

/**
 * How an upper layer made a lower layer's bytes dead (OCI image spec, layer.md "Whiteouts" and
 * "Changes").
 */
public enum Cause {
  /** An upper layer wrote an entry at the same path (a file, or a directory replacing a file). */
  OVERWRITTEN,
  /** A whiteout ({@code .wh.name}) deleted the path itself. */
  DELETED,
  /** A whiteout deleted a directory above the path. */
  PARENT_DELETED,
  /** An opaque directory marker ({@code .wh..wh..opq}) hid every lower child of a directory. */
  OPAQUE_DIRECTORY,
  /** A directory above the path was replaced by a non-directory, taking its contents with it. */
  PARENT_REPLACED
}
