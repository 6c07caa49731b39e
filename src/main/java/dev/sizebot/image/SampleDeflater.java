package dev.sizebot.image;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.Deflater;

/**
 * Deflates the samples of {@link GzipEstimate}s on a small pool of threads, one per core. Deflating
 * is what an estimate spends its time on (zlib level 6 runs at about 45 MB/s on one core here), and
 * one thread per layer left the second core idle while the reader waited for it (bench/compare's
 * debian pair). Which blocks are sampled, and what the estimate makes of the results, stays on the
 * estimate's own thread in stream order, so the estimate is the same whatever order samples finish
 * in. At most {@link #IN_FLIGHT} samples wait or run at once, so memory stays bounded.
 */
final class SampleDeflater {
  static final int IN_FLIGHT = 16;

  private static final SampleDeflater SHARED =
      new SampleDeflater(Math.max(1, Runtime.getRuntime().availableProcessors()));

  private final ExecutorService workers;
  private final Semaphore slots = new Semaphore(IN_FLIGHT);
  private final ThreadLocal<Zlib> zlib = ThreadLocal.withInitial(Zlib::new);

  private SampleDeflater(int threads) {
    AtomicInteger count = new AtomicInteger();
    workers =
        Executors.newFixedThreadPool(
            threads,
            task -> {
              Thread thread = new Thread(task, "sizebot-deflate-" + count.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
  }

  static SampleDeflater shared() {
    return SHARED;
  }

  /**
   * The zlib level 6 raw-deflate size of {@code input[dictionary, length)} with {@code input[0,
   * dictionary)} as the preset dictionary. Takes ownership of {@code input}; blocks while {@value
   * #IN_FLIGHT} samples are pending.
   */
  CompletableFuture<Integer> deflate(byte[] input, int dictionary, int length) {
    slots.acquireUninterruptibly();
    try {
      return CompletableFuture.supplyAsync(
              () -> zlib.get().deflatedSize(input, dictionary, length), workers)
          .whenComplete((size, failure) -> slots.release());
    } catch (RuntimeException e) {
      slots.release();
      throw e;
    }
  }

  /** One worker's deflater and output buffer, reused for every sample it takes. */
  private static final class Zlib {
    private final Deflater deflater = new Deflater(6, true);
    private final byte[] out = new byte[GzipEstimate.BLOCK + 1024];

    int deflatedSize(byte[] input, int dictionary, int length) {
      deflater.reset();
      if (dictionary > 0) {
        deflater.setDictionary(input, 0, dictionary);
      }
      deflater.setInput(input, dictionary, length);
      deflater.finish();
      int produced = 0;
      while (!deflater.finished()) {
        produced += deflater.deflate(out);
      }
      return produced;
    }
  }
}
