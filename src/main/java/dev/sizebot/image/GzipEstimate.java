package dev.sizebot.image;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Estimates the size {@code gzip -6} would give an uncompressed layer tar (what a push of a layer
 * stored uncompressed would transfer) at a fraction of the cost of compressing it.
 *
 * <p>Method (stratified systematic sampling): the stream is cut into 64 KiB blocks, and each block
 * gets a cheap measure of compressibility — the order-0 byte entropy of every 11th byte. Blocks are
 * put in strata of 0.25 bit/byte of entropy (text lands near 4.5, random data near 8, zeros near
 * 0). In every stratum the first {@value #LEAD} blocks, then a ramp of every 2nd, 4th, 8th and 16th
 * block ({@value #RAMP} samples each), then every n-th (n from 2 to {@value #STRIDE}: about {@value
 * #TARGET_SAMPLES} samples of the layer, {@link #steadyStride}) are deflated for real, at zlib
 * level 6 (the same parameters as {@code gzip -6}), with the preceding 32 KiB as the preset
 * dictionary so each sample sees the sliding window it would have inside a full gzip stream. A
 * sampled block counts its own deflated size; the blocks of a stratum between two of its samples
 * count their bytes times the mean ratio of those two samples (the last sample's ratio after the
 * last one). The sum, scaled by {@link #GZIP_OVER_ZLIB}, plus gzip's 18 bytes of header and
 * trailer, is the estimate.
 *
 * <p>Why the interpolation: one ratio per stratum (the samples' total out over total in) weighs the
 * leading samples like the strided ones and mixes content from far apart in the layer, while equal
 * entropy does not mean equal compressibility (ELF code and compressed docs share strata). On real
 * Debian package layers that was off by up to 3.5 % (bench/compare's debian pair); taking each
 * stretch's ratio from its neighbouring samples keeps those layers within 0.8 %, at the same cost.
 *
 * <p>Measured against GNU {@code gzip -6} (docs/performance.md): over 17 real layer tars (the
 * Debian layers above; perl and python modules, dpkg's database, docs, binaries, libraries and a
 * JDK from a Debian system; bench/inspect's generated layers), each at 8 sampling offsets, the root
 * mean square error is 0.85–1.13 % (two ways of shifting the samples; bench/estimate-sweep is the
 * second), deflating about 11 % of the bytes (far less of incompressible data). Layers up to {@link
 * #EXACT_UP_TO} are deflated in full. The deflating runs beside the reader ({@link
 * BackgroundEstimate}), spread over the cores ({@link SampleDeflater}). Deflating every block would
 * cost 8x more; every 4th block is no more accurate than the ramp at twice its cost; fewer leads or
 * a longer stride stray to 3-11 %. 16 KiB blocks would be cheaper and, on real layers, closer, but
 * each small sample fits Huffman tables to itself alone, which on content that changes every few
 * kilobytes comes out 2.6 % low even with every block deflated; level 1 on the samples, calibrated
 * by level 6, saves only a quarter (docs/performance.md, "Cheaper estimates tried offline").
 */
final class GzipEstimate {
  static final int BLOCK = 64 * 1024;
  static final int WINDOW = 32 * 1024;
  static final int LEAD = 8;
  static final int STRIDE = 24;

  /**
   * Between the leading samples and the steady stride, a stratum is sampled every 2nd block for
   * this many samples, then every 4th, 8th and 16th for as many each. The early blocks of a stratum
   * are where the old rule (every 24th right after the leads) left its widest gaps: blocks 8–23
   * took the 8th sample's ratio, and a small stratum never reached block 24. Offline, over 17 real
   * layer tars and 8 sampling offsets, the worst error fell from 7.1 % to 1.9 % (root mean square
   * 1.8 % to 0.85 %) for 1.8 x the deflating (docs/performance.md).
   */
  static final int RAMP = 8;

  /**
   * A layer's steady stride (at most {@value #STRIDE}, at least every 2nd block) is the one that
   * takes about this many samples of the whole layer. The error of a sample is a matter of how many
   * blocks are sampled, not of what share: with every 24th block, a 46 MB tree of python modules
   * was 3.1 % off and a 126 MB tree of Go binaries 4.2 %, while 700 MB layers were within 1 %. Over
   * 14 real layer tars at 8 sampling offsets the worst error fell from 4.22 % to 1.95 % for 1.35 x
   * the deflating (issue 12, docs/performance.md); layers above 512 x 24 blocks (805 MB) are
   * sampled as before.
   */
  static final int TARGET_SAMPLES = 512;

  /**
   * What the estimate's numbers mean: bumped whenever a change moves them (a cache of layer
   * analyses keys on it, so no estimate of an older rule is served).
   *
   * <ol>
   *   <li>strata, ramp, every 24th, layers up to 32 MiB in full (2026-11-30);
   *   <li>the steady stride from {@link #TARGET_SAMPLES}, incompressible strata every 96th (issue
   *       12).
   * </ol>
   */
  public static final int ESTIMATE_VERSION = 2;

  /**
   * Once a stratum's leading samples show it does not compress (already-compressed or random bytes,
   * ratio at least {@value #STORED_RATIO}), its ratio is pinned near 1 and further samples change
   * the estimate by hundredths of a percent, while deflating such data is zlib's slowest case. Such
   * strata are sampled this many times more sparsely (bench/compare: 1.1 GB of random files). It
   * was 16 (every 384th block) until issue 12: /usr/share/doc, whose high-entropy blocks mix .gz
   * changelogs with small text files, came out 3.1 % off at some sampling offsets; every 96th keeps
   * it within 1.2 %.
   */
  static final int STORED_STRIDE_FACTOR = 4;

  /**
   * Layers up to this size are deflated block by block in full, which is within 0.33 % of {@code
   * gzip -6}. Sampling cannot be trusted on them: within one entropy stratum the deflate ratio of a
   * block varies with a coefficient of variation of 0.2–0.6, and a small layer has too few blocks
   * per stratum to average that out (a 18 MB tree of perl modules came out 15 % too small). Full
   * deflating costs at most ~1 s of CPU per such layer, spread over the cores.
   */
  static final long EXACT_UP_TO = 32L * 1024 * 1024;

  private static final double STORED_RATIO = 0.98;
  private static final int PROBE_STEP = 11;
  private static final int STRATA = 33;
  private static final int GZIP_FRAMING = 18;

  /**
   * zlib (which {@link java.util.zip.Deflater} is) and GNU gzip run the same LZ77 search at level 6
   * but cut Huffman blocks differently (gzip buffers 32 Ki literals, zlib 16 Ki): on homogeneous
   * content they agree within 0.1 %, on content where small random and text files interleave gzip
   * comes out up to 1.6 % larger. Scaling by this factor centres the estimate between the two
   * cases.
   */
  private static final double GZIP_OVER_ZLIB = 1.005;

  private static final double[] C_LOG_C = cLogC(BLOCK / PROBE_STEP + 1);

  private final SampleDeflater deflater = SampleDeflater.shared();
  private final boolean everyBlock;
  private final int steady;
  private final byte[] buffer = new byte[WINDOW + BLOCK];
  private final int[] histogram = new int[256];
  private final long[] blocks = new long[STRATA];
  private final int[] strides = new int[STRATA];
  private final List<List<Sample>> samples = new ArrayList<>(STRATA);
  private final long[] pending = new long[STRATA];
  private int history;
  private int filled;
  private long accepted;

  /**
   * A deflated block, and the bytes of its stratum's blocks between the previous sample and this
   * one, which take the mean of the two samples' ratios.
   */
  private record Sample(long pendingBefore, int in, CompletableFuture<Integer> out) {
    double ratio() {
      return (double) out.join() / in;
    }
  }

  /**
   * @param expectedBytes the layer tar's size as its container (archive entry, blob) states it; the
   *     stream cannot be longer
   */
  GzipEstimate(long expectedBytes) {
    this.everyBlock = expectedBytes <= EXACT_UP_TO;
    this.steady = steadyStride(expectedBytes);
    for (int s = 0; s < STRATA; s++) {
      samples.add(new ArrayList<>());
    }
  }

  void accept(byte[] b, int off, int len) {
    while (len > 0) {
      int n = Math.min(len, BLOCK - filled);
      System.arraycopy(b, off, buffer, history + filled, n);
      filled += n;
      off += n;
      len -= n;
      if (filled == BLOCK) {
        endBlock();
      }
    }
  }

  /** The estimate for everything accepted so far; ends the estimate (call once, at the end). */
  long finish() {
    if (filled > 0) {
      endBlock();
    }
    double total = 0;
    for (int s = 0; s < STRATA; s++) {
      double previous = 0;
      for (Sample sample : samples.get(s)) {
        double ratio = sample.ratio();
        // A stratum's first block is always sampled, so pending bytes always follow a sample.
        total += sample.out().join() + sample.pendingBefore() * (previous + ratio) / 2;
        previous = ratio;
      }
      // After a stratum's last sample there is no next one to interpolate towards.
      total += pending[s] * previous;
    }
    // An empty tar still is a gzip member: header, an empty final block, trailer.
    return accepted == 0 ? 20 : Math.round(total * GZIP_OVER_ZLIB) + GZIP_FRAMING;
  }

  private void endBlock() {
    int stratum = stratum();
    long k = blocks[stratum]++;
    accepted += filled;
    // stride() is asked only past the leads: it is decided from them.
    if (everyBlock || k < LEAD || sampled(k, stride(stratum), steady)) {
      byte[] input = Arrays.copyOf(buffer, history + filled);
      List<Sample> taken = samples.get(stratum);
      taken.add(new Sample(pending[stratum], filled, deflater.deflate(input, history, filled)));
      pending[stratum] = 0;
    } else {
      pending[stratum] += filled;
    }
    int keep = Math.min(WINDOW, history + filled);
    System.arraycopy(buffer, history + filled - keep, buffer, 0, keep);
    history = keep;
    filled = 0;
  }

  /**
   * Whether the {@code k}th block of a stratum (from 0) is deflated: the {@value #LEAD} leading
   * ones, then the ramp ({@link #RAMP}), then every {@code stride}th. Strata that do not compress
   * skip the ramp: their ratio is pinned near 1 and deflating them is zlib's slowest case.
   */
  static boolean sampled(long k, int stride) {
    return sampled(k, stride, STRIDE);
  }

  /** {@link #sampled(long, int)} in a layer whose steady stride is {@code steady}. */
  static boolean sampled(long k, int stride, int steady) {
    if (k < LEAD) {
      return true;
    }
    long start = LEAD;
    if (stride <= steady) {
      for (int step = 2; step < steady; step *= 2) {
        long end = start + (long) step * RAMP;
        if (k < end) {
          return (k - start) % step == 0;
        }
        start = end;
      }
    }
    return (k - start) % stride == 0;
  }

  /**
   * Decided once per stratum, from its {@value #LEAD} leading samples (waiting for them if they are
   * still being deflated), so the blocks sampled, and with them the estimate, do not depend on how
   * fast the samples finish.
   */
  private int stride(int stratum) {
    if (strides[stratum] == 0) {
      long in = 0;
      long out = 0;
      for (Sample sample : samples.get(stratum)) {
        in += sample.in();
        out += sample.out().join();
      }
      boolean stored = out >= STORED_RATIO * in;
      strides[stratum] = stored ? STRIDE * STORED_STRIDE_FACTOR : steady;
    }
    return strides[stratum];
  }

  /** The stride that takes about {@value #TARGET_SAMPLES} samples of a layer of that size. */
  static int steadyStride(long expectedBytes) {
    long blocks = expectedBytes / BLOCK + 1;
    return (int) Math.max(2, Math.min(STRIDE, blocks / TARGET_SAMPLES));
  }

  /** Order-0 entropy of every 11th byte of the block, in quarter bits per byte (0..32). */
  private int stratum() {
    Arrays.fill(histogram, 0);
    int n = 0;
    for (int i = history, end = history + filled; i < end; i += PROBE_STEP) {
      histogram[buffer[i] & 0xFF]++;
      n++;
    }
    double sum = 0;
    for (int c : histogram) {
      sum += C_LOG_C[c];
    }
    double bits = n == 0 ? 0 : (C_LOG_C[n] - sum) / n;
    return (int) Math.min(STRATA - 1, Math.max(0, Math.round(bits * 4)));
  }

  private static double[] cLogC(int size) {
    double[] table = new double[size + 1];
    for (int c = 1; c <= size; c++) {
      table[c] = c * (Math.log(c) / Math.log(2));
    }
    return table;
  }
}
