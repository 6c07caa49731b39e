package dev.sizebot.rules;

import dev.sizebot.common.ByteSize;
import dev.sizebot.common.UnixPath;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Exactly which bytes of an image a finding's saving is made of: file contents, each named by the
 * layer that ships them and the tar path that holds them. Two findings that prove the same bytes (a
 * cache left in a layer, and the same cache overwritten by a later layer) name the same pieces, so
 * a report adds savings up with {@link #union} without counting a byte twice.
 *
 * @param pieces content bytes per (layer, path); never 0
 */
public record ShippedBytes(Map<Piece, Long> pieces) {
  /** No bytes: a finding without a proven saving. */
  public static final ShippedBytes NONE = new ShippedBytes(Map.of());

  /**
   * One file's content in one layer.
   *
   * @param layer the layer's position in the image (0 = base), or any key a test dictates
   */
  public record Piece(int layer, UnixPath path) {
    public Piece {
      Objects.requireNonNull(path, "path");
    }
  }

  public ShippedBytes {
    pieces = Map.copyOf(pieces);
    pieces.forEach(
        (piece, bytes) -> {
          if (bytes <= 0) {
            throw new IllegalArgumentException("no bytes for " + piece);
          }
        });
  }

  /** The bytes one file ships in one layer. */
  public static ShippedBytes of(int layer, UnixPath path, long bytes) {
    return bytes <= 0 ? NONE : new ShippedBytes(Map.of(new Piece(layer, path), bytes));
  }

  /**
   * Every piece of every part once. A piece two parts name carries the same bytes in both (both
   * read the same layer entry); the larger figure is kept so the union never exceeds the truth's
   * upper bound and never falls below any part.
   */
  public static ShippedBytes union(Collection<ShippedBytes> parts) {
    Map<Piece, Long> all = new HashMap<>();
    for (ShippedBytes part : parts) {
      part.pieces().forEach((piece, bytes) -> all.merge(piece, bytes, Math::max));
    }
    return new ShippedBytes(all);
  }

  public long bytes() {
    return pieces.values().stream().mapToLong(Long::longValue).sum();
  }

  public ByteSize size() {
    return ByteSize.of(bytes());
  }

  public boolean isEmpty() {
    return pieces.isEmpty();
  }
}
