package dev.sizebot.image;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Streaming XXH64 (seed 0), per the xxHash specification (Cyan4973/xxHash doc/xxhash_spec.md).
 *
 * <p>Why not SHA-256: file content hashes only find duplicate content inside one image, and every
 * byte of every layer passes through here, so speed matters more than collision resistance against
 * an attacker. XXH64 runs at several GB/s on one core; SHA-256 would cost more than reading the
 * archive. zstd frames carry the low 32 bits of the same hash, which the tests use as a reference.
 */
final class XxHash64 {
  private static final long P1 = 0x9E3779B185EBCA87L;
  private static final long P2 = 0xC2B2AE3D27D4EB4FL;
  private static final long P3 = 0x165667B19E3779F9L;
  private static final long P4 = 0x85EBCA77C2B2AE63L;
  private static final long P5 = 0x27D4EB2F165667C5L;
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle INTS =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

  private final byte[] pending = new byte[32];
  private int pendingLength;
  private long total;
  private long v1;
  private long v2;
  private long v3;
  private long v4;

  XxHash64() {
    reset();
  }

  void reset() {
    v1 = P1 + P2;
    v2 = P2;
    v3 = 0;
    v4 = -P1;
    total = 0;
    pendingLength = 0;
  }

  void update(byte[] bytes, int offset, int length) {
    total += length;
    int off = offset;
    int len = length;
    if (pendingLength + len < 32) {
      System.arraycopy(bytes, off, pending, pendingLength, len);
      pendingLength += len;
      return;
    }
    if (pendingLength > 0) {
      int fill = 32 - pendingLength;
      System.arraycopy(bytes, off, pending, pendingLength, fill);
      stripe(pending, 0);
      off += fill;
      len -= fill;
      pendingLength = 0;
    }
    int end = off + len;
    long a = v1;
    long b = v2;
    long c = v3;
    long d = v4;
    while (off <= end - 32) {
      a = round(a, (long) LONGS.get(bytes, off));
      b = round(b, (long) LONGS.get(bytes, off + 8));
      c = round(c, (long) LONGS.get(bytes, off + 16));
      d = round(d, (long) LONGS.get(bytes, off + 24));
      off += 32;
    }
    v1 = a;
    v2 = b;
    v3 = c;
    v4 = d;
    pendingLength = end - off;
    System.arraycopy(bytes, off, pending, 0, pendingLength);
  }

  long digest() {
    long h;
    if (total >= 32) {
      h =
          Long.rotateLeft(v1, 1)
              + Long.rotateLeft(v2, 7)
              + Long.rotateLeft(v3, 12)
              + Long.rotateLeft(v4, 18);
      h = merge(h, v1);
      h = merge(h, v2);
      h = merge(h, v3);
      h = merge(h, v4);
    } else {
      h = P5;
    }
    h += total;
    int i = 0;
    for (; i + 8 <= pendingLength; i += 8) {
      h ^= round(0, (long) LONGS.get(pending, i));
      h = Long.rotateLeft(h, 27) * P1 + P4;
    }
    if (i + 4 <= pendingLength) {
      h ^= (((int) INTS.get(pending, i)) & 0xFFFFFFFFL) * P1;
      h = Long.rotateLeft(h, 23) * P2 + P3;
      i += 4;
    }
    for (; i < pendingLength; i++) {
      h ^= (pending[i] & 0xFFL) * P5;
      h = Long.rotateLeft(h, 11) * P1;
    }
    h ^= h >>> 33;
    h *= P2;
    h ^= h >>> 29;
    h *= P3;
    h ^= h >>> 32;
    return h;
  }

  private void stripe(byte[] bytes, int off) {
    v1 = round(v1, (long) LONGS.get(bytes, off));
    v2 = round(v2, (long) LONGS.get(bytes, off + 8));
    v3 = round(v3, (long) LONGS.get(bytes, off + 16));
    v4 = round(v4, (long) LONGS.get(bytes, off + 24));
  }

  private static long round(long acc, long input) {
    return Long.rotateLeft(acc + input * P2, 31) * P1;
  }

  private static long merge(long acc, long value) {
    return (acc ^ round(0, value)) * P1 + P4;
  }
}
