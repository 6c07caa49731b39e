package dev.sizebot.image;

import java.util.Optional;

/**
 * The members of an image archive or layout that resolving an image needs, by relative path ({@code
 * manifest.json}, {@code blobs/sha256/…}). Implemented by a scanned tar stream and by an OCI layout
 * directory, so resolution never knows which it reads.
 */
interface ArchiveFiles {
  /** The archive as the user named it, for messages. */
  String name();

  /** Follows symlinks; fails clearly on loops. */
  String resolve(String path);

  /** A small JSON document, or empty when absent. */
  Optional<byte[]> json(String path);

  /** An indexed layer, or empty when absent; fails when present but not a layer. */
  Optional<IndexedLayer> layer(String path);
}
