package dev.sizebot.image;

import java.io.IOException;
import java.io.InputStream;

/** Re-opened layer blobs, decompressed by their magic bytes. */
final class LayerStream {
  private LayerStream() {}

  static InputStream uncompressed(InputStream blob) throws IOException {
    byte[] head = blob.readNBytes(Compression.HEAD_BYTES);
    Compression compression = Compression.detect(head, head.length);
    if (compression == null) {
      blob.close();
      throw new IOException("not a tar, gzip or zstd stream");
    }
    return compression.decompress(new PeekedStream(head, blob));
  }
}
