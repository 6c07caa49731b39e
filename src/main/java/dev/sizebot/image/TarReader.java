package dev.sizebot.image;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/**
 * Reads a tar one header at a time, with the semantics of Go's {@code archive/tar} reader — the
 * reader the engine itself unpacks layers with (moby {@code pkg/archive}), and the writer of every
 * {@code docker save}: ustar, GNU and PAX headers, GNU long names ({@code L}/{@code K}), PAX {@code
 * path}/{@code linkpath}/{@code size}/{@code uid}/{@code gid} records, base-256 numbers, and
 * header-only types (links, devices, directories, FIFOs) whose size field carries no data. Both
 * layer tars and the image archive around them are read with it.
 *
 * <p>Why not commons-compress's {@code TarArchiveInputStream}: it allocates an 8 KiB buffer on
 * every entry boundary and decodes every name through a {@code CharsetDecoder}; on a 110k-entry
 * layer stream that was 1.9 GB of garbage and a quarter of the CPU time of {@code inspect}
 * (docs/performance.md). And it skips an unread entry by reading it into a buffer (commons-io's
 * {@code IOUtils.skip}), while this reader calls {@link InputStream#skip}: a cached layer in a save
 * stream is then dropped by the read-ahead without a copy. This reader reuses two buffers and
 * allocates only the strings it returns.
 */
final class TarReader {
  static final int BLOCK = 512;

  /** One entry's header, after long-name and PAX records are applied. */
  record Header(String name, char type, long size, int mode, long uid, long gid, String linkName) {
    boolean headerOnly() {
      return "123456".indexOf(type) >= 0;
    }

    /** A regular file ('7', contiguous, is one too, as Go and the engine read it). */
    boolean regularFile() {
      return type == '0' || type == '7';
    }
  }

  /** Long names and PAX records are metadata, not content: bounded so they cannot exhaust heap. */
  private static final int MAX_META = 1 << 20;

  private final InputStream in;
  private final byte[] header = new byte[BLOCK];
  private final byte[] scratch = new byte[1 << 14];
  // One view for every entry: it reads whichever entry is current.
  private final InputStream content =
      new InputStream() {
        @Override
        public int read() throws IOException {
          byte[] one = new byte[1];
          return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
          return len == 0 ? 0 : TarReader.this.read(b, off, len);
        }
      };
  private long remaining;
  private int padding;
  private long offset;

  TarReader(InputStream in) {
    this.in = in;
  }

  /** The next entry's header, or {@code null} at the end of the archive. */
  Header next() throws IOException {
    skip(remaining + padding);
    remaining = 0;
    padding = 0;
    String longName = null;
    String longLink = null;
    Map<String, String> pax = Map.of();
    while (true) {
      long at = offset;
      if (!readHeader(at)) {
        return null;
      }
      char type = (char) (header[156] & 0xFF);
      long size = TarFields.number(header, 124, 12, at);
      switch (type) {
        case 'L' -> longName = TarFields.cString(meta(size, at));
        case 'K' -> longLink = TarFields.cString(meta(size, at));
        case 'x' -> pax = TarFields.pax(meta(size, at), at);
        // moby ignores PAX global headers when it unpacks a layer; so does the size it reports.
        case 'g' -> meta(size, at);
        default -> {
          return entry(type, size, at, longName, longLink, pax);
        }
      }
    }
  }

  /** Reads content of the current entry; -1 at its end. */
  int read(byte[] b, int off, int len) throws IOException {
    if (remaining == 0) {
      return -1;
    }
    int n = in.read(b, off, (int) Math.min(len, remaining));
    if (n < 0) {
      throw truncated();
    }
    remaining -= n;
    offset += n;
    return n;
  }

  /** The current entry's content as a stream; closing it leaves the archive open. */
  InputStream content() {
    return content;
  }

  private Header entry(
      char type, long size, long at, String longName, String longLink, Map<String, String> pax)
      throws IOException {
    // Most entries carry no PAX records: test for them before streaming over the keys.
    boolean sparsePax =
        !pax.isEmpty() && pax.keySet().stream().anyMatch(k -> k.startsWith("GNU.sparse."));
    if (type == 'S' || sparsePax) {
      throw new IOException("sparse tar entry at byte " + at + " (docker never writes them)");
    }
    String name = pax.getOrDefault("path", longName != null ? longName : TarFields.name(header));
    String link =
        pax.getOrDefault(
            "linkpath", longLink != null ? longLink : TarFields.cString(header, 157, 100));
    if (pax.containsKey("size")) {
      size = TarFields.paxNumber(pax.get("size"), "size", at);
    }
    long uid =
        pax.containsKey("uid")
            ? TarFields.paxNumber(pax.get("uid"), "uid", at)
            : TarFields.number(header, 108, 8, at);
    long gid =
        pax.containsKey("gid")
            ? TarFields.paxNumber(pax.get("gid"), "gid", at)
            : TarFields.number(header, 116, 8, at);
    int mode = (int) TarFields.number(header, 100, 8, at);
    // Go: the old-style regular type '\0' names a directory when the name ends in '/'.
    if (type == '\0') {
      type = name.endsWith("/") ? '5' : '0';
    }
    Header h = new Header(name, type, size, mode, uid, gid, link);
    long data = h.headerOnly() ? 0 : size;
    remaining = data;
    padding = (int) ((BLOCK - data % BLOCK) % BLOCK);
    return h;
  }

  /** Reads one header block; false at the end (a zero block, or a clean end of stream). */
  private boolean readHeader(long at) throws IOException {
    int n = in.readNBytes(header, 0, BLOCK);
    offset += n;
    if (n == 0) {
      return false;
    }
    if (n < BLOCK) {
      throw truncated();
    }
    if (TarFields.allZero(header)) {
      return false;
    }
    TarFields.verifyChecksum(header, at);
    return true;
  }

  private byte[] meta(long size, long at) throws IOException {
    if (size > MAX_META) {
      throw new IOException("tar metadata record of " + size + " bytes at byte " + at);
    }
    byte[] data = in.readNBytes((int) size);
    offset += data.length;
    if (data.length < size) {
      throw truncated();
    }
    skip((BLOCK - size % BLOCK) % BLOCK);
    return data;
  }

  private void skip(long n) throws IOException {
    while (n > 0) {
      long step = in.skip(n);
      if (step <= 0) {
        // skip may return 0 before the end; a read tells the end apart.
        step = in.read(scratch, 0, (int) Math.min(scratch.length, n));
        if (step < 0) {
          throw truncated();
        }
      }
      n -= step;
      offset += step;
    }
  }

  private EOFException truncated() {
    return new EOFException("truncated tar: the stream ends inside an entry at byte " + offset);
  }
}
