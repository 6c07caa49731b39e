package dev.sizebot.image;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Runs a {@link GzipEstimate} on its own thread, so deflating samples overlaps parsing and hashing
 * on the reading thread (the reader must keep pace with {@code docker save}). Chunks are copied
 * into a small pool of buffers — at most {@value #BUFFERS} × 256 KiB in flight — and the reader
 * blocks when the estimate falls behind, so memory stays bounded.
 */
final class BackgroundEstimate {
  private static final int BUFFERS = 8;
  private static final int CHUNK = 256 * 1024;
  private static final byte[] END = new byte[0];

  private record Chunk(byte[] bytes, int length) {}

  private final BlockingQueue<Chunk> full = new ArrayBlockingQueue<>(BUFFERS + 1);
  private final BlockingQueue<byte[]> free = new ArrayBlockingQueue<>(BUFFERS);
  private final GzipEstimate estimate;
  private final Thread worker;
  private byte[] current;
  private int filled;
  private volatile long result = -1;
  private volatile RuntimeException failure;

  /**
   * @param expectedBytes the layer tar's stated size (see {@link GzipEstimate})
   */
  BackgroundEstimate(long expectedBytes) {
    estimate = new GzipEstimate(expectedBytes);
    for (int i = 0; i < BUFFERS; i++) {
      free.add(new byte[CHUNK]);
    }
    worker = new Thread(this::run, "sizebot-gzip-estimate");
    worker.setDaemon(true);
    worker.start();
  }

  void accept(byte[] b, int off, int len) {
    while (len > 0) {
      if (current == null) {
        current = take(free);
        filled = 0;
      }
      int n = Math.min(len, CHUNK - filled);
      System.arraycopy(b, off, current, filled, n);
      filled += n;
      off += n;
      len -= n;
      if (filled == CHUNK) {
        put(new Chunk(current, filled));
        current = null;
      }
    }
  }

  /** Waits for the estimate of everything accepted. */
  long finish() {
    if (current != null && filled > 0) {
      put(new Chunk(current, filled));
      current = null;
    }
    put(new Chunk(END, 0));
    join();
    if (failure != null) {
      throw failure;
    }
    return result;
  }

  /** Stops the worker when reading failed half-way; never blocks for long. */
  void abandon() {
    worker.interrupt();
  }

  private void run() {
    try {
      while (true) {
        Chunk chunk = full.take();
        if (chunk.bytes() == END) {
          result = estimate.finish();
          return;
        }
        estimate.accept(chunk.bytes(), 0, chunk.length());
        free.add(chunk.bytes());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      failure = e;
    }
  }

  private void put(Chunk chunk) {
    try {
      full.put(chunk);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while estimating", e);
    }
  }

  private byte[] take(BlockingQueue<byte[]> queue) {
    try {
      byte[] buffer = queue.poll(1, java.util.concurrent.TimeUnit.SECONDS);
      while (buffer == null) {
        if (!worker.isAlive()) {
          throw failure != null ? failure : new IllegalStateException("estimate stopped");
        }
        buffer = queue.poll(1, java.util.concurrent.TimeUnit.SECONDS);
      }
      return buffer;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while estimating", e);
    }
  }

  private void join() {
    try {
      worker.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while estimating", e);
    }
  }
}
