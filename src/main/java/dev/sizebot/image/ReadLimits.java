package dev.sizebot.image;

/**
 * Bounds that keep a hostile or broken archive from exhausting time or memory. Reading fails with
 * one clear line (invalid input) when a bound is crossed.
 *
 * @param maxLayerBytes absolute cap on a layer's uncompressed tar bytes
 * @param maxExpansion cap on uncompressed ÷ compressed bytes of a gzip/zstd layer (past {@link
 *     #expansionAllowance()}). gzip cannot exceed ~1032:1, so the default 2000 only ever stops zstd
 *     bombs; a real layer of mostly zeros can exceed it — raise the bound for such an image
 * @param expansionAllowance uncompressed bytes every compressed layer may reach whatever its ratio,
 *     so tiny layers are never judged by ratio
 * @param maxJsonBytes cap on one JSON document (manifest, index, config) kept in memory
 * @param maxEntries cap on file entries kept for one read, so a flood of tiny entries fails clearly
 *     (invalid input) instead of exhausting the heap; the default is {@link #entriesFor} this JVM's
 *     heap
 */
public record ReadLimits(
    long maxLayerBytes,
    long maxExpansion,
    long expansionAllowance,
    int maxJsonBytes,
    int maxEntries) {
  /**
   * Peak heap per entry from reading through analysis and rendering. Measured with the launcher's
   * flags on generated layers of tiny files with 30-character paths: a 150k-entry image needs a
   * heap of 76-88 MB and a 300k-entry one 146 MB live, i.e. ~8 MB + ~490 bytes per entry; 600
   * leaves room for the longer paths of real images.
   */
  static final long HEAP_BYTES_PER_ENTRY = 600;

  /** Heap kept apart from entries: the JVM's own objects, stream buffers, the gzip estimate. */
  static final long HEAP_RESERVE = 24L << 20;

  /**
   * 64 GiB per layer, 2000:1 past 64 MiB, 16 MiB per JSON document, and as many entries as this
   * JVM's heap can analyse (~228k with the launcher's -Xmx160m).
   */
  public static final ReadLimits DEFAULT =
      new ReadLimits(
          64L << 30, 2000, 64L << 20, 16 << 20, entriesFor(Runtime.getRuntime().maxMemory()));

  public ReadLimits {
    if (maxLayerBytes <= 0
        || maxExpansion <= 0
        || expansionAllowance < 0
        || maxJsonBytes <= 0
        || maxEntries <= 0) {
      throw new IllegalArgumentException("read limits must be positive");
    }
  }

  /**
   * The most entries a heap of {@code maxHeapBytes} ({@link Runtime#maxMemory()}) can read and
   * analyse, at least 1 (a heap too small for any image then fails on its first entry, clearly).
   */
  public static int entriesFor(long maxHeapBytes) {
    long entries = (maxHeapBytes - HEAP_RESERVE) / HEAP_BYTES_PER_ENTRY;
    return (int) Math.max(1, Math.min(Integer.MAX_VALUE, entries));
  }

  /** The most uncompressed bytes a layer stored in {@code compressedBytes} may expand to. */
  long uncompressedCap(long compressedBytes) {
    long byRatio =
        compressedBytes > Long.MAX_VALUE / maxExpansion
            ? Long.MAX_VALUE
            : compressedBytes * maxExpansion + expansionAllowance;
    return Math.min(maxLayerBytes, byRatio);
  }

  public ReadLimits withMaxLayerBytes(long bytes) {
    return new ReadLimits(bytes, maxExpansion, expansionAllowance, maxJsonBytes, maxEntries);
  }

  public ReadLimits withMaxExpansion(long ratio, long allowance) {
    return new ReadLimits(maxLayerBytes, ratio, allowance, maxJsonBytes, maxEntries);
  }

  public ReadLimits withMaxJsonBytes(int bytes) {
    return new ReadLimits(maxLayerBytes, maxExpansion, expansionAllowance, bytes, maxEntries);
  }

  public ReadLimits withMaxEntries(int entries) {
    return new ReadLimits(maxLayerBytes, maxExpansion, expansionAllowance, maxJsonBytes, entries);
  }
}
