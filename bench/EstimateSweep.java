import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.Deflater;

/**
 * Offline comparison of sampling schemes for sizebot's compressed-size estimate (bench/estimate-sweep
 * runs it; docs/performance.md has its figures). Every block of every layer tar is deflated once at
 * zlib level 6 and level 1 (with the preceding 32 KiB as dictionary, as GzipEstimate does), for
 * 64 KiB and 16 KiB blocks. Each scheme then picks its samples from those numbers, at 8 sampling
 * offsets, so the schemes are compared on the same blocks, and its error against {@code gzip -6}
 * and its deflating cost (level-6 bytes, level-1 bytes weighted by their measured relative cost)
 * are printed. The "proxy" schemes interpolate each block's level-6 ratio to a cheap guess of its
 * deflated size ({@link #proxy}, computed for every block, its cost counted too) instead of to its
 * bytes.
 *
 * <p>The shipped scheme is re-stated here rather than called: this is a single-file program, and
 * GzipEstimate is package-private. Usage: {@code java EstimateSweep.java GZIP_SIZES_FILE}, whose
 * lines are "PATH GZIP6_BYTES".
 */
public class EstimateSweep {
  static final int WINDOW = 32 * 1024;
  static final int[] OFFSETS = {0, 3, 5, 7, 11, 13, 17, 19};

  record Blocks(int[] len, int[] l6, int[] l1, int[] entropy, double[] proxy) {}

  record Layer(String name, long gzip, Blocks big, Blocks small) {}

  /** {@code proxy}: interpolate each block's ratio to its {@link #proxy} instead of its bytes. */
  record Scheme(
      String name,
      boolean small,
      int lead,
      int ramp,
      int stride,
      int calibrateEvery,
      boolean proxy,
      int target,
      int storedFactor) {
    Scheme(String name, boolean small, int lead, int ramp, int stride, int calibrateEvery) {
      this(name, small, lead, ramp, stride, calibrateEvery, false, 0, 16);
    }

    Scheme(
        String name,
        boolean small,
        int lead,
        int ramp,
        int stride,
        int calibrateEvery,
        boolean proxy) {
      this(name, small, lead, ramp, stride, calibrateEvery, proxy, 0, 16);
    }

    /**
     * The steady stride for a layer of {@code blocks} blocks: {@link #stride} when {@link #target}
     * is 0, else the stride that takes about {@code target} samples of the whole layer (at least
     * every 2nd block, at most every {@link #stride}th).
     */
    int strideFor(int blocks) {
      return target == 0 ? stride : Math.max(2, Math.min(stride, blocks / target));
    }
  }

  static final int PROXY_STEP = 8;
  static final VarHandle INTS =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
  static double level1Cost = 0.45;
  static double proxyCost = 0.03;

  /**
   * SWEEP_QUICK=1: deflate every block at level 6 in 64 KiB blocks only (no level 1, 16 KiB or
   * proxy), and compare only the 64 KiB level-6 schemes; a third of the time.
   */
  static final boolean QUICK = "1".equals(System.getenv("SWEEP_QUICK"));

  /** GzipEstimate.EXACT_UP_TO: such layers are deflated in full, whatever the scheme. */
  static final long EXACT_UP_TO = 32L * 1024 * 1024;

  public static void main(String[] args) throws Exception {
    List<String> lines = Files.readAllLines(Path.of(args[0]));
    ExecutorService pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
    List<Future<Layer>> futures = new ArrayList<>();
    long[] nanos = new long[3];
    for (String line : lines) {
      String[] f = line.trim().split(" ");
      futures.add(pool.submit(() -> layer(f[0], Long.parseLong(f[1]), nanos)));
    }
    List<Layer> layers = new ArrayList<>();
    for (Future<Layer> f : futures) {
      layers.add(f.get());
    }
    pool.shutdown();
    level1Cost = (double) nanos[1] / nanos[0];
    proxyCost = (double) nanos[2] / nanos[0];
    System.out.printf("level 1 costs %.2f of level 6 per byte here%n", level1Cost);
    System.out.printf("the match-probe proxy costs %.3f of level 6 per byte here%n", proxyCost);
    Scheme[] quick = {
      new Scheme("every block, 64 KiB (the exact path)", false, Integer.MAX_VALUE, 0, 24, 1),
      new Scheme("shipped: 64 KiB, 8 leads, ramp 8, every 24th", false, 8, 8, 24, 1),
      new Scheme("shipped, stored strata every 96th", false, 8, 8, 24, 1, false, 0, 4),
      new Scheme("shipped, stored strata every 48th", false, 8, 8, 24, 1, false, 0, 2),
      new Scheme("~256 samples, stored every 96th", false, 8, 8, 24, 1, false, 256, 4),
      new Scheme("~384 samples, stored every 96th", false, 8, 8, 24, 1, false, 384, 4),
      new Scheme("~384 samples, stored every 48th", false, 8, 8, 24, 1, false, 384, 2),
      new Scheme("~512 samples, stored every 48th", false, 8, 8, 24, 1, false, 512, 2),
      new Scheme("~512 samples, stored every 96th", false, 8, 8, 24, 1, false, 512, 4),
      new Scheme("~512 samples, stored every 384th", false, 8, 8, 24, 1, false, 512, 16),
    };
    Scheme[] schemes = {
      new Scheme("every block, 64 KiB (the exact path)", false, Integer.MAX_VALUE, 0, 24, 1),
      new Scheme("every block, 16 KiB", true, Integer.MAX_VALUE, 0, 64, 1),
      new Scheme("shipped: 64 KiB, 8 leads, ramp 8, every 24th", false, 8, 8, 24, 1),
      new Scheme("64 KiB, no ramp (before 2026-11-30)", false, 8, 0, 24, 1),
      new Scheme("16 KiB, 32 leads, ramp 16, every 64th", true, 32, 16, 64, 1),
      new Scheme("level 1 calibrated by every 4th at level 6", false, 8, 8, 24, 4),
      new Scheme("level 1 calibrated, 12 leads, ramp 12, 6th", false, 12, 12, 24, 6),
      new Scheme("proxy: 64 KiB, 8 leads, ramp 8, every 24th", false, 8, 8, 24, 1, true),
      new Scheme("proxy: 64 KiB, 3 leads, ramp 3, every 48th", false, 3, 3, 48, 1, true),
      new Scheme("proxy: 64 KiB, 3 leads, ramp 6, every 96th", false, 3, 6, 96, 1, true),
    };
    System.out.printf("%-46s %7s %7s %8s  worst per layer%n", "scheme", "rms", "worst", "cost");
    for (Scheme scheme : QUICK ? quick : schemes) {
      double squares = 0;
      double worst = 0;
      double cost = 0;
      double bytes = 0;
      double[] perLayer = new double[layers.size()];
      for (int offset : OFFSETS) {
        for (int i = 0; i < layers.size(); i++) {
          Layer layer = layers.get(i);
          Blocks blocks = scheme.small() ? layer.small() : layer.big();
          boolean exact = Arrays.stream(layer.big().len()).asLongStream().sum() <= EXACT_UP_TO;
          double[] result =
              estimate(blocks, exact ? new Scheme("exact", false, Integer.MAX_VALUE, 0, 24, 1) : scheme, offset);
          double error = 100 * (result[0] - layer.gzip()) / layer.gzip();
          squares += error * error;
          worst = Math.max(worst, Math.abs(error));
          perLayer[i] = Math.max(perLayer[i], Math.abs(error));
          cost += result[1];
          bytes += Arrays.stream(layer.big().len()).asLongStream().sum();
        }
      }
      StringBuilder row = new StringBuilder();
      for (double e : perLayer) {
        row.append(String.format(" %.2f", e));
      }
      System.out.printf(
          "%-46s %6.2f%% %6.2f%% %7.1f%% %s%n",
          scheme.name(),
          Math.sqrt(squares / (OFFSETS.length * layers.size())),
          worst,
          100 * cost / bytes,
          row);
    }
    System.out.println("layers: " + layers.stream().map(Layer::name).toList());
  }

  static Layer layer(String path, long gzip, long[] nanos) throws IOException {
    byte[] all = Files.readAllBytes(Path.of(path));
    return new Layer(
        path,
        gzip,
        blocks(all, 64 * 1024, !QUICK, nanos),
        QUICK ? null : blocks(all, 16 * 1024, false, null));
  }

  static Blocks blocks(byte[] all, int size, boolean level1, long[] nanos) {
    int n = (all.length + size - 1) / size;
    Blocks b = new Blocks(new int[n], new int[n], new int[n], new int[n], new double[n]);
    int[] table = new int[1 << 14];
    Deflater six = new Deflater(6, true);
    Deflater one = new Deflater(1, true);
    byte[] out = new byte[2 * size + 1024];
    long t6 = 0;
    long t1 = 0;
    long tp = 0;
    for (int i = 0; i < n; i++) {
      int off = i * size;
      int len = Math.min(size, all.length - off);
      b.len()[i] = len;
      long start = System.nanoTime();
      b.l6()[i] = deflate(six, all, off, len, out);
      long middle = System.nanoTime();
      b.l1()[i] = level1 ? deflate(one, all, off, len, out) : 0;
      t6 += middle - start;
      t1 += System.nanoTime() - middle;
      b.entropy()[i] = entropy(all, off, off + len);
      long beforeProxy = System.nanoTime();
      b.proxy()[i] = level1 ? proxy(all, off, len, table, b.entropy()[i]) : 0;
      tp += System.nanoTime() - beforeProxy;
    }
    if (nanos != null) {
      synchronized (nanos) {
        nanos[0] += t6;
        nanos[1] += t1;
        nanos[2] += tp;
      }
    }
    return b;
  }

  static int deflate(Deflater d, byte[] all, int off, int len, byte[] out) {
    int dictionary = Math.min(WINDOW, off);
    d.reset();
    if (dictionary > 0) {
      d.setDictionary(all, off - dictionary, dictionary);
    }
    d.setInput(all, off, len);
    d.finish();
    int n = 0;
    while (!d.finished()) {
      n += d.deflate(out);
    }
    return n;
  }

  /**
   * A cheap guess of a block's deflated size, to interpolate ratios against: the share of every
   * 8th position whose 4 bytes occurred within the last 32 KiB (a sparse LZ77 match probe, one
   * hash table kept along the stream) costs about 8 % of a literal, and the rest cost the block's
   * order-0 entropy.
   */
  static double proxy(byte[] a, int off, int len, int[] table, int entropyQuarterBits) {
    int matches = 0;
    int probes = 0;
    for (int p = off, end = off + len - 4; p < end; p += PROXY_STEP) {
      int v = (int) INTS.get(a, p);
      int h = (v * 0x9E3779B1) >>> 18;
      int q = table[h] - 1;
      table[h] = p + 1;
      probes++;
      if (q >= 0 && p - q <= WINDOW && (int) INTS.get(a, q) == v) {
        matches++;
      }
    }
    double matched = probes == 0 ? 0 : (double) matches / probes;
    return len * ((1 - matched) * entropyQuarterBits / 32.0 + matched * 0.08) + 16;
  }

  /** GzipEstimate's stratum: order-0 entropy of every 11th byte, in quarter bits. */
  static int entropy(byte[] b, int from, int to) {
    int[] histogram = new int[256];
    int n = 0;
    for (int i = from; i < to; i += 11) {
      histogram[b[i] & 0xFF]++;
      n++;
    }
    double sum = 0;
    for (int c : histogram) {
      sum += c == 0 ? 0 : c * Math.log(c) / Math.log(2);
    }
    double bits = n == 0 ? 0 : (n * Math.log(n) / Math.log(2) - sum) / n;
    return (int) Math.min(32, Math.max(0, Math.round(bits * 4)));
  }

  static boolean sampled(long k, int stride, int steady, Scheme s, int offset) {
    if (k < s.lead()) {
      return true;
    }
    long start = s.lead();
    k += offset;
    if (stride <= steady) {
      for (int step = 2; step < steady && s.ramp() > 0; step *= 2) {
        long end = start + (long) step * s.ramp();
        if (k < end) {
          return (k - start) % step == 0;
        }
        start = end;
      }
    }
    return (k - start) % stride == 0;
  }

  /**
   * {estimate, cost}. Plain schemes: GzipEstimate's interpolation of level-6 ratios. Calibrated
   * schemes: the sampled blocks are deflated at level 1 and interpolated the same way, and every
   * {@code calibrateEvery}th sample of a stratum also at level 6; each block's level-1 figure is
   * scaled by the level-6/level-1 ratio interpolated between those.
   */
  static double[] estimate(Blocks b, Scheme s, int offset) {
    List<List<Integer>> strata = new ArrayList<>();
    for (int i = 0; i < 33; i++) {
      strata.add(new ArrayList<>());
    }
    for (int i = 0; i < b.len().length; i++) {
      strata.get(b.entropy()[i]).add(i);
    }
    boolean calibrated = s.calibrateEvery() > 1;
    int[] first = calibrated ? b.l1() : b.l6();
    double total = 0;
    double cost = 0;
    int steady = s.strideFor(b.len().length);
    for (List<Integer> blocks : strata) {
      int m = blocks.size();
      boolean[] one = new boolean[m];
      boolean[] six = new boolean[m];
      long leadIn = 0;
      long leadOut = 0;
      int stride = 0;
      int taken = 0;
      for (int k = 0; k < m; k++) {
        int i = blocks.get(k);
        if (k == s.lead()) {
          stride = leadOut >= 0.98 * leadIn ? s.stride() * s.storedFactor() : steady;
        }
        if (k < s.lead() || sampled(k, stride, steady, s, offset)) {
          one[k] = true;
          six[k] = taken++ % s.calibrateEvery() == 0;
          cost += calibrated ? b.len()[i] * level1Cost : 0;
          cost += six[k] ? b.len()[i] : 0;
        }
        if (k < s.lead()) {
          leadIn += b.len()[i];
          leadOut += first[i];
        }
      }
      if (s.proxy()) {
        double[] proxies = new double[m];
        for (int k = 0; k < m; k++) {
          proxies[k] = b.proxy()[blocks.get(k)];
          cost += b.len()[blocks.get(k)] * proxyCost;
        }
        total += Arrays.stream(interpolate(blocks, one, null, b.l6(), proxies)).sum();
        continue;
      }
      double[] firstPhase = interpolate(blocks, one, b.len(), first, null);
      total +=
          Arrays.stream(calibrated ? interpolate(blocks, six, null, b.l6(), firstPhase) : firstPhase)
              .sum();
    }
    return new double[] {Math.round(total * 1.005) + 18, cost};
  }

  /**
   * Per block of a stratum: the sampled value where sampled, else the base (bytes, or the first
   * phase's figure) times the mean of the neighbouring samples' ratios value/base.
   */
  static double[] interpolate(
      List<Integer> blocks, boolean[] taken, int[] bytes, int[] value, double[] base) {
    int m = blocks.size();
    double[] out = new double[m];
    int previous = -1;
    for (int k = 0; k <= m; k++) {
      if (k < m && !taken[k]) {
        continue;
      }
      double before = previous < 0 ? -1 : ratio(blocks.get(previous), previous, bytes, value, base);
      double after = k == m ? -1 : ratio(blocks.get(k), k, bytes, value, base);
      for (int j = previous + 1; j < k; j++) {
        double r = before < 0 ? after : after < 0 ? before : (before + after) / 2;
        out[j] = r * (base == null ? bytes[blocks.get(j)] : base[j]);
      }
      if (k < m) {
        out[k] = value[blocks.get(k)];
      }
      previous = k;
    }
    return out;
  }

  static double ratio(int i, int k, int[] bytes, int[] value, double[] base) {
    return value[i] / (base == null ? bytes[i] : base[k]);
  }
}
