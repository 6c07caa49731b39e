package dev.sizebot.image;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Counts the uncompressed bytes of a layer as they stream past, stops at a cap (decompression
 * bombs), and hands every chunk to the compressed-size estimate when there is one.
 */
final class MeteredInputStream extends FilterInputStream {
  /** Thrown when the cap is crossed; the indexer turns it into one clear line. */
  static final class CapExceeded extends IOException {
    private static final long serialVersionUID = 1L;

    CapExceeded(long cap) {
      super("more than " + cap + " uncompressed bytes");
    }
  }

  private final long cap;
  private final BackgroundEstimate estimate;
  private long count;
  private byte[] skipBuffer;

  MeteredInputStream(InputStream in, long cap, BackgroundEstimate estimate) {
    super(in);
    this.cap = cap;
    this.estimate = estimate;
  }

  long count() {
    return count;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    int n = in.read(b, off, len);
    if (n > 0) {
      count += n;
      if (count > cap) {
        throw new CapExceeded(cap);
      }
      if (estimate != null) {
        estimate.accept(b, off, n);
      }
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    // Skipped bytes must still be counted and sampled, so skipping reads.
    if (skipBuffer == null) {
      skipBuffer = new byte[1 << 14];
    }
    byte[] buffer = skipBuffer;
    long skipped = 0;
    while (skipped < n) {
      int r = read(buffer, 0, (int) Math.min(buffer.length, n - skipped));
      if (r < 0) {
        break;
      }
      skipped += r;
    }
    return skipped;
  }

  @Override
  public boolean markSupported() {
    return false;
  }
}
