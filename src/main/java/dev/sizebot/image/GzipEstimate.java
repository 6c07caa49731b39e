package dev.sizebot.image;

import java.util.zip.Deflater;

/**
 * Estimates the size {@code gzip -6} would give an uncompressed layer tar (what a push of a layer
 * stored uncompressed would transfer), without compressing all of it.
 *
 * <p>Method: the stream is cut into 64 KiB blocks. The first {@value #LEADING_BLOCKS} blocks and
 * then every {@value #STRIDE}th block are deflated at level 6 (zlib's level 6 uses the same
 * parameters as gzip -6) with the preceding 32 KiB set as the preset dictionary, so each sample
 * sees the same sliding window it would see inside a full gzip stream. The deflated bytes of the
 * samples, scaled by total ÷ sampled bytes, plus gzip's 18-byte header and trailer, is the
 * estimate. Systematic (evenly spaced) sampling follows the content mix of a layer closely because
 * files are laid out contiguously in the tar; measured error on mixed text/random/zero layers is
 * well under 2 % (see GzipEstimateTest and docs in the image package's report).
 */
final class GzipEstimate {
  static final int BLOCK = 64 * 1024;
  static final int WINDOW = 32 * 1024;
  static final int LEADING_BLOCKS = 16;
  static final int STRIDE = 24;
  private static final int GZIP_FRAMING = 18;

  private final byte[] buffer = new byte[WINDOW + BLOCK];
  private final byte[] out = new byte[BLOCK + 1024];
  private final Deflater deflater = new Deflater(6, true);
  private int history;
  private int filled;
  private long blocks;
  private long total;
  private long sampledIn;
  private long sampledOut;

  void accept(byte[] b, int off, int len) {
    total += len;
    while (len > 0) {
      int n = Math.min(len, BLOCK - filled);
      System.arraycopy(b, off, buffer, history + filled, n);
      filled += n;
      off += n;
      len -= n;
      if (filled == BLOCK) {
        endBlock(false);
      }
    }
  }

  /** The estimate for everything accepted so far; ends the estimate (call once, at the end). */
  long finish() {
    if (filled > 0) {
      endBlock(sampledIn == 0);
    }
    deflater.end();
    if (total == 0) {
      return 20; // an empty gzip member: header, an empty final block, trailer
    }
    return Math.round((double) sampledOut * total / sampledIn) + GZIP_FRAMING;
  }

  private void endBlock(boolean force) {
    if (force || blocks < LEADING_BLOCKS || blocks % STRIDE == 0) {
      sampledIn += filled;
      sampledOut += deflate();
    }
    blocks++;
    int keep = Math.min(WINDOW, history + filled);
    System.arraycopy(buffer, history + filled - keep, buffer, 0, keep);
    history = keep;
    filled = 0;
  }

  private long deflate() {
    deflater.reset();
    if (history > 0) {
      deflater.setDictionary(buffer, 0, history);
    }
    deflater.setInput(buffer, history, filled);
    deflater.finish();
    long produced = 0;
    while (!deflater.finished()) {
      produced += deflater.deflate(out);
    }
    return produced;
  }
}
