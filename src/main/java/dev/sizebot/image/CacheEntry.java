package dev.sizebot.image;

import dev.sizebot.common.Digest;
import dev.sizebot.common.UnixPath;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/**
 * One cached layer analysis as bytes: a plain header (magic, analysis version, diffID, payload
 * length, CRC-32 of the payload) and a deflated payload of the {@link IndexedLayer}. {@link
 * #decode} checks every header field before it trusts a byte of the payload, so a corrupt,
 * truncated or foreign entry is refused ({@link Refused}) rather than half-read.
 */
final class CacheEntry {
  private static final long MAGIC = 0x73697a65626f744cL; // "sizebotL"
  private static final String XXH64 = "xxh64:";
  private static final int HAS_LINK = 1;
  private static final int HAS_HASH = 2;
  private static final int HASH_IS_XXH64 = 4;

  /** Why an entry was not trusted, in words for the one warning line. */
  static final class Refused extends Exception {
    Refused(String why) {
      super(why, null, false, false);
    }
  }

  private CacheEntry() {}

  static byte[] encode(Digest diffId, int version, IndexedLayer layer) {
    try {
      ByteArrayOutputStream payload = new ByteArrayOutputStream(1 << 16);
      // Level 1: paths share long prefixes, so even the fastest level shrinks them ~5x; the
      // entry is written once and read on every later run.
      Deflater deflater = new Deflater(Deflater.BEST_SPEED);
      try (DataOutputStream out =
          new DataOutputStream(new DeflaterOutputStream(payload, deflater, 1 << 16))) {
        body(out, layer);
      } finally {
        deflater.end();
      }
      byte[] bytes = payload.toByteArray();
      CRC32 crc = new CRC32();
      crc.update(bytes);
      ByteArrayOutputStream whole = new ByteArrayOutputStream(bytes.length + 128);
      DataOutputStream head = new DataOutputStream(whole);
      head.writeLong(MAGIC);
      head.writeInt(version);
      head.writeUTF(diffId.toString());
      head.writeLong(bytes.length);
      head.writeLong(crc.getValue());
      head.write(bytes);
      head.flush();
      return whole.toByteArray();
    } catch (IOException e) {
      throw new IllegalStateException("writing to memory cannot fail", e);
    }
  }

  static IndexedLayer decode(byte[] bytes, Digest diffId, int version) throws Refused {
    try {
      DataInputStream head = new DataInputStream(new ByteArrayInputStream(bytes));
      if (bytes.length < 12 || head.readLong() != MAGIC) {
        throw new Refused("not a sizebot cache entry");
      }
      int found = head.readInt();
      if (found != version) {
        throw new Refused("written by analysis version " + found + ", this is " + version);
      }
      String id = head.readUTF();
      if (!id.equals(diffId.toString())) {
        throw new Refused("holds layer " + id);
      }
      long length = head.readLong();
      long crc = head.readLong();
      int offset = bytes.length - head.available();
      if (length != bytes.length - offset) {
        throw new Refused(
            "payload is " + (bytes.length - offset) + " bytes, header says " + length);
      }
      CRC32 check = new CRC32();
      check.update(bytes, offset, (int) length);
      if (check.getValue() != crc) {
        throw new Refused("checksum mismatch");
      }
      InputStream payload = new ByteArrayInputStream(bytes, offset, (int) length);
      Inflater inflater = new Inflater();
      try (DataInputStream in =
          new DataInputStream(new InflaterInputStream(payload, inflater, 1 << 16))) {
        return body(in);
      } finally {
        inflater.end();
      }
    } catch (IOException | RuntimeException e) {
      throw new Refused("unreadable (" + e.getClass().getSimpleName() + ")");
    }
  }

  private static void body(DataOutputStream out, IndexedLayer layer) throws IOException {
    LayerIndex index = layer.index();
    out.writeByte(layer.compression().ordinal());
    out.writeLong(layer.storedBytes());
    out.writeLong(index.size());
    out.writeLong(index.tarBytes());
    out.writeLong(index.compressedBytes());
    out.writeBoolean(index.compressedExact());
    out.writeInt(index.entries().size());
    for (FileEntry e : index.entries()) {
      entry(out, e);
    }
    paths(out, index.whiteouts());
    paths(out, index.opaqueDirs());
  }

  private static void entry(DataOutputStream out, FileEntry e) throws IOException {
    Optional<String> hash = e.contentHash();
    boolean xxh64 = hash.isPresent() && isXxh64(hash.get());
    int flags =
        (e.linkTarget().isPresent() ? HAS_LINK : 0)
            | (hash.isPresent() ? HAS_HASH : 0)
            | (xxh64 ? HASH_IS_XXH64 : 0);
    text(out, e.path().value());
    out.writeByte(e.type().ordinal());
    out.writeByte(flags);
    out.writeLong(e.size());
    out.writeInt(e.mode());
    out.writeLong(e.uid());
    out.writeLong(e.gid());
    if (e.linkTarget().isPresent()) {
      text(out, e.linkTarget().get());
    }
    if (xxh64) {
      out.writeLong(Long.parseUnsignedLong(hash.get().substring(XXH64.length()), 16));
    } else if (hash.isPresent()) {
      text(out, hash.get());
    }
  }

  private static IndexedLayer body(DataInputStream in) throws IOException {
    Compression compression = Compression.values()[in.readUnsignedByte()];
    long stored = in.readLong();
    long size = in.readLong();
    long tarBytes = in.readLong();
    long compressed = in.readLong();
    boolean exact = in.readBoolean();
    int count = in.readInt();
    List<FileEntry> entries = new ArrayList<>(Math.min(count, 1 << 20));
    EntryType[] types = EntryType.values();
    for (int i = 0; i < count; i++) {
      UnixPath path = new UnixPath(text(in));
      EntryType type = types[in.readUnsignedByte()];
      int flags = in.readUnsignedByte();
      long fileSize = in.readLong();
      int mode = in.readInt();
      long uid = in.readLong();
      long gid = in.readLong();
      Optional<String> link = (flags & HAS_LINK) != 0 ? Optional.of(text(in)) : Optional.empty();
      Optional<String> hash = Optional.empty();
      if ((flags & HASH_IS_XXH64) != 0) {
        hash = Optional.of(XXH64 + hex16(in.readLong()));
      } else if ((flags & HAS_HASH) != 0) {
        hash = Optional.of(text(in));
      }
      entries.add(new FileEntry(path, type, fileSize, mode, uid, gid, link, hash));
    }
    List<UnixPath> whiteouts = paths(in);
    List<UnixPath> opaque = paths(in);
    if (in.read() != -1) {
      throw new IOException("trailing bytes");
    }
    LayerIndex index =
        new LayerIndex(entries, whiteouts, opaque, size, tarBytes, compressed, exact);
    return new IndexedLayer(index, compression, stored);
  }

  private static void paths(DataOutputStream out, List<UnixPath> paths) throws IOException {
    out.writeInt(paths.size());
    for (UnixPath p : paths) {
      text(out, p.value());
    }
  }

  private static List<UnixPath> paths(DataInputStream in) throws IOException {
    int count = in.readInt();
    List<UnixPath> paths = new ArrayList<>(Math.min(count, 1 << 16));
    for (int i = 0; i < count; i++) {
      paths.add(new UnixPath(text(in)));
    }
    return paths;
  }

  // Length-prefixed UTF-8: writeUTF stops at 64 KiB and PAX names may be longer.
  private static void text(DataOutputStream out, String s) throws IOException {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    out.writeInt(b.length);
    out.write(b);
  }

  private static String text(DataInputStream in) throws IOException {
    int length = in.readInt();
    if (length < 0 || length > 1 << 20) {
      throw new IOException("bad string length " + length);
    }
    byte[] b = new byte[length];
    in.readFully(b);
    return new String(b, StandardCharsets.UTF_8);
  }

  private static boolean isXxh64(String hash) {
    if (hash.length() != XXH64.length() + 16 || !hash.startsWith(XXH64)) {
      return false;
    }
    for (int i = XXH64.length(); i < hash.length(); i++) {
      char c = hash.charAt(i);
      if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
        return false;
      }
    }
    return true;
  }

  private static String hex16(long value) {
    String hex = Long.toHexString(value);
    return "0".repeat(16 - hex.length()) + hex;
  }
}
