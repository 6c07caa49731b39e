package dev.sizebot.docker;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * An input stream read ahead by a background thread, so the engine keeps writing {@code docker
 * save} while sizebot hashes and parses what it already sent. Without it the socket buffer fills
 * whenever sizebot is busy, the engine stalls, and the two take turns instead of running side by
 * side. A fixed set of buffers circulates between the two threads: memory is {@code chunks ×
 * chunkSize} bytes, allocated once, and nothing is left for the garbage collector.
 */
final class ReadAhead extends InputStream {
  private record Chunk(byte[] data, int length) {}

  private static final Chunk END = new Chunk(new byte[0], -1);

  private final InputStream source;
  private final BlockingQueue<byte[]> free;
  private final BlockingQueue<Chunk> filled;
  private final Thread reader;
  private volatile IOException failure;
  private Chunk current = new Chunk(new byte[0], 0);
  private int position;

  ReadAhead(InputStream source, int chunks, int chunkSize) {
    this.source = source;
    this.free = new ArrayBlockingQueue<>(chunks);
    this.filled = new ArrayBlockingQueue<>(chunks + 1);
    for (int i = 0; i < chunks; i++) {
      free.add(new byte[chunkSize]);
    }
    this.reader = new Thread(this::pump, "sizebot-read-ahead");
    reader.setDaemon(true);
    reader.start();
  }

  private void pump() {
    try {
      while (true) {
        byte[] buffer = free.take();
        int length = 0;
        int n = 0;
        while (length < buffer.length
            && (n = source.read(buffer, length, buffer.length - length)) > 0) {
          length += n;
        }
        if (length > 0) {
          filled.put(new Chunk(buffer, length));
        }
        if (n < 0 || length == 0) {
          break;
        }
      }
    } catch (IOException e) {
      failure = e;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return; // closed by the consumer: nobody waits for the end marker
    }
    filled.add(END); // never blocks: filled has one slot more than there are buffers
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    if (!advance()) {
      return -1;
    }
    int n = Math.min(len, current.length() - position);
    System.arraycopy(current.data(), position, b, off, n);
    position += n;
    return n;
  }

  /**
   * Drops up to {@code n} bytes without copying them: a cached layer's bytes in a save are skipped
   * this way (bench/compare's one-step case skips 1.1 GB). Returns 0 only at the end.
   */
  @Override
  public long skip(long n) throws IOException {
    long skipped = 0;
    while (skipped < n) {
      if (!advance()) {
        break;
      }
      int step = (int) Math.min(n - skipped, current.length() - position);
      position += step;
      skipped += step;
    }
    return skipped;
  }

  /** Moves to a chunk with unread bytes, handing emptied ones back; false at the end. */
  private boolean advance() throws IOException {
    while (current != END && position == current.length()) {
      if (current.length() > 0) {
        free.add(current.data());
      }
      current = next();
      position = 0;
    }
    return current != END;
  }

  private Chunk next() throws IOException {
    try {
      Chunk chunk = filled.take();
      if (chunk == END && failure != null) {
        throw failure;
      }
      return chunk;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while reading ahead");
    }
  }

  @Override
  public void close() throws IOException {
    reader.interrupt();
    source.close();
  }
}
