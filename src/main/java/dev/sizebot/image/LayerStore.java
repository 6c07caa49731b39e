package dev.sizebot.image;

import java.io.IOException;
import java.util.Optional;

/**
 * Named byte blobs that outlive a run: where {@link LayerCache} keeps its entries. The image reader
 * never writes files itself (DESIGN: never extract an archive to disk); the cli hands it a
 * directory-backed store. Names are relative paths such as {@code layers/sha256-<hex>.v1}.
 */
public interface LayerStore {
  /** The blob, or empty when there is none. */
  Optional<byte[]> read(String name) throws IOException;

  /** Replaces the blob as a whole: a reader sees the old one or the new one, never a part. */
  void write(String name, byte[] bytes) throws IOException;

  void delete(String name) throws IOException;

  /** Where the blob lives, for messages (e.g. its file path). */
  String where(String name);
}
