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
 * @param maxEntries cap on file entries kept for one read (each costs ~200 bytes of heap, measured:
 *     100k entries retain ~23 MB), so a flood of tiny entries fails clearly instead of exhausting
 *     the heap
 */
public record ReadLimits(
    long maxLayerBytes,
    long maxExpansion,
    long expansionAllowance,
    int maxJsonBytes,
    int maxEntries) {
  /** 64 GiB per layer, 2000:1 past 64 MiB, 16 MiB per JSON document, 1 million entries. */
  public static final ReadLimits DEFAULT =
      new ReadLimits(64L << 30, 2000, 64L << 20, 16 << 20, 1_000_000);

  public ReadLimits {
    if (maxLayerBytes <= 0
        || maxExpansion <= 0
        || expansionAllowance < 0
        || maxJsonBytes <= 0
        || maxEntries <= 0) {
      throw new IllegalArgumentException("read limits must be positive");
    }
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
