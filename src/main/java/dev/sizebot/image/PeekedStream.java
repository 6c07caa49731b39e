package dev.sizebot.image;

import java.io.IOException;
import java.io.InputStream;

/**
 * A stream whose first bytes were already read (to detect its kind): yields them, then the rest.
 * Unlike {@link java.io.SequenceInputStream} it never closes the rest when it runs out — the rest
 * is often an archive member whose archive must stay open — only on {@link #close()}.
 */
final class PeekedStream extends InputStream {
  private final byte[] head;
  private final InputStream rest;
  private int position;

  PeekedStream(byte[] head, InputStream rest) {
    this.head = head;
    this.rest = rest;
  }

  @Override
  public int read() throws IOException {
    return position < head.length ? head[position++] & 0xFF : rest.read();
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    if (position < head.length) {
      int n = Math.min(len, head.length - position);
      System.arraycopy(head, position, b, off, n);
      position += n;
      return n;
    }
    return rest.read(b, off, len);
  }

  @Override
  public void close() throws IOException {
    rest.close();
  }
}
