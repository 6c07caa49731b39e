package dev.sizebot.image;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.apache.commons.compress.archivers.tar.TarUtils;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.apache.commons.compress.compressors.zstandard.ZstdCompressorInputStream;

/** How a layer blob is stored, told by its first bytes (never by name or media type). */
enum Compression {
  NONE("tar"),
  GZIP("gzip"),
  ZSTD("zstd");

  /** Bytes {@link #detect} wants: one tar header block. */
  static final int HEAD_BYTES = 512;

  private final String label;

  Compression(String label) {
    this.label = label;
  }

  String label() {
    return label;
  }

  /** The compression whose {@link #label} is {@code label}, for entries that name it. */
  static Compression ofLabel(String label) {
    for (Compression c : values()) {
      if (c.label.equals(label)) {
        return c;
      }
    }
    throw new IllegalArgumentException("no compression '" + label + "'");
  }

  /**
   * The compression of a blob starting with {@code head}, or null when it is neither gzip (RFC 1952
   * magic 1f 8b), zstd (RFC 8878 magic 28 b5 2f fd) nor a tar (a valid header checksum, or an
   * all-zero block: the empty layer is 1024 zero bytes).
   */
  static Compression detect(byte[] head, int length) {
    if (length >= 2 && (head[0] & 0xFF) == 0x1F && (head[1] & 0xFF) == 0x8B) {
      return GZIP;
    }
    if (length >= 4
        && (head[0] & 0xFF) == 0x28
        && (head[1] & 0xFF) == 0xB5
        && (head[2] & 0xFF) == 0x2F
        && (head[3] & 0xFF) == 0xFD) {
      return ZSTD;
    }
    if (length >= HEAD_BYTES && (allZero(head) || TarUtils.verifyCheckSum(head))) {
      return NONE;
    }
    return null;
  }

  /** Wraps {@code in} so that it yields the uncompressed tar. */
  InputStream decompress(InputStream in) throws IOException {
    return switch (this) {
      case NONE -> in;
      // Concatenated members are legal gzip (pigz, some registries' layers).
      case GZIP -> new GzipCompressorInputStream(new BufferedInputStream(in, 1 << 16), true);
      case ZSTD -> new ZstdCompressorInputStream(in);
    };
  }

  private static boolean allZero(byte[] head) {
    for (int i = 0; i < HEAD_BYTES; i++) {
      if (head[i] != 0) {
        return false;
      }
    }
    return true;
  }
}
