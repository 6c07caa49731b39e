package dev.sizebot.image.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * One filesystem layer for a test image: exactly the tar entries a test adds, in that order (paths
 * are written without a leading slash, as engines do). Build with {@link #step(String)}:
 *
 * <pre>{@code
 * TestLayer.step("RUN make")
 *     .dir("/app")
 *     .file("/app/a.txt", "hello\n")
 *     .hardlink("/app/b.txt", "/app/a.txt")
 *     .symlink("/app/current", "a.txt")
 *     .whiteout("/app/old.log")       // writes /app/.wh.old.log
 *     .opaque("/app/cache")           // writes /app/cache/.wh..wh..opq
 *     .compression(TestCompression.GZIP);
 * }</pre>
 */
public final class TestLayer {
  /** Every entry's mtime: 2024-01-01T00:00:00Z, so archives are byte-for-byte reproducible. */
  public static final long MTIME_SECONDS = 1_704_067_200L;

  /**
   * {@code spelled}: the name (and a hardlink's target) follow {@link #naming}; raw ones do not.
   */
  private record Entry(
      String name, byte type, byte[] content, String link, int mode, long uid, boolean spelled) {}

  private final String createdBy;
  private final List<Entry> entries = new ArrayList<>();
  private byte[] rawTar;
  private TestCompression compression = TestCompression.NONE;
  private EntryNaming naming = EntryNaming.ENGINE;
  private TestCompression declared;
  private long uid;

  private TestLayer(String createdBy) {
    this.createdBy = Objects.requireNonNull(createdBy);
  }

  /** A layer made by the Dockerfile step {@code createdBy} (its history {@code created_by}). */
  public static TestLayer step(String createdBy) {
    return new TestLayer(createdBy);
  }

  /**
   * A layer whose tar is given as is (e.g. a layer the real engine wrote), to re-pack it in another
   * archive layout.
   */
  public static TestLayer ofTar(String createdBy, byte[] tar) {
    TestLayer layer = new TestLayer(createdBy);
    layer.rawTar = tar.clone();
    return layer;
  }

  /** Owner of the entries added after this call (uid and gid alike); 0 by default. */
  public TestLayer owner(long uid) {
    this.uid = uid;
    return this;
  }

  public TestLayer dir(String path) {
    return add(path + "/", TarConstants.LF_DIR, new byte[0], "", 0755);
  }

  public TestLayer file(String path, String content) {
    return file(path, content.getBytes(StandardCharsets.UTF_8));
  }

  public TestLayer file(String path, byte[] content) {
    return file(path, content, 0644);
  }

  public TestLayer file(String path, byte[] content, int mode) {
    return add(path, TarConstants.LF_NORMAL, content, "", mode);
  }

  /** A symlink whose target is stored as written (relative or absolute). */
  public TestLayer symlink(String path, String target) {
    return add(path, TarConstants.LF_SYMLINK, new byte[0], target, 0777);
  }

  /** A hardlink to {@code target}, an absolute path written earlier in this layer. */
  public TestLayer hardlink(String path, String target) {
    return add(path, TarConstants.LF_LINK, new byte[0], strip(target), 0644);
  }

  /** Deletes {@code path} of lower layers (OCI whiteout {@code .wh.<name>}). */
  public TestLayer whiteout(String path) {
    int slash = path.lastIndexOf('/');
    String whiteout = path.substring(0, slash + 1) + ".wh." + path.substring(slash + 1);
    return add(whiteout, TarConstants.LF_NORMAL, new byte[0], "", 0644);
  }

  /** Hides everything lower layers put in {@code dir} (OCI opaque marker). */
  public TestLayer opaque(String dir) {
    return add(dir + "/.wh..wh..opq", TarConstants.LF_NORMAL, new byte[0], "", 0644);
  }

  /** A raw entry name, unchecked: for tests of hostile names ({@code ../x}, {@code /abs}). */
  public TestLayer rawFile(String name, byte[] content) {
    entries.add(new Entry(name, TarConstants.LF_NORMAL, content, "", 0644, uid, false));
    return this;
  }

  /**
   * A file whose name travels only in a PAX {@code path} record, so it can hold bytes a ustar name
   * cannot (e.g. NUL): for tests of hostile names.
   */
  public TestLayer rawPaxFile(String paxPath, byte[] content) {
    entries.add(
        new Entry("\0pax:" + paxPath, TarConstants.LF_NORMAL, content, "", 0644, uid, false));
    return this;
  }

  /**
   * Spells every entry name the way another layer writer does (a root entry, a leading {@code /} or
   * {@code ./}); the engine's spelling by default. Applies to the whole layer, whenever called.
   */
  public TestLayer naming(EntryNaming naming) {
    this.naming = Objects.requireNonNull(naming);
    return this;
  }

  public TestLayer compression(TestCompression compression) {
    this.compression = Objects.requireNonNull(compression);
    return this;
  }

  /**
   * The compression an OCI manifest claims for this layer's blob, when it is not the real one: a
   * lying media type, for tests that compression is told by magic bytes.
   */
  public TestLayer declaredAs(TestCompression claimed) {
    this.declared = Objects.requireNonNull(claimed);
    return this;
  }

  /** The media type the manifest states: the real compression's unless {@link #declaredAs}. */
  public String declaredMediaType() {
    return (declared == null ? compression : declared).mediaType();
  }

  public String createdBy() {
    return createdBy;
  }

  public TestCompression compression() {
    return compression;
  }

  /** The uncompressed layer tar (PAX for long names), ending with the two zero blocks. */
  public byte[] tar() {
    if (rawTar != null) {
      return rawTar.clone();
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes, "UTF-8")) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
      if (!naming.root().isEmpty()) {
        write(tar, new Entry(naming.root(), TarConstants.LF_DIR, new byte[0], "", 0755, 0, false));
      }
      for (Entry e : entries) {
        write(tar, e);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private void write(TarArchiveOutputStream tar, Entry e) throws IOException {
    boolean pax = e.name().startsWith("\0pax:");
    if (pax) {
      writePaxPath(tar, e.name().substring(5));
    }
    String name = e.spelled() ? naming.spell(e.name()) : e.name();
    TarArchiveEntry t = new TarArchiveEntry(pax ? "pax-named" : name, e.type(), true);
    t.setMode(e.mode());
    t.setModTime(MTIME_SECONDS * 1000);
    t.setUserId(e.uid());
    t.setGroupId(e.uid());
    if (!e.link().isEmpty()) {
      boolean hardlink = e.type() == TarConstants.LF_LINK;
      t.setLinkName(hardlink && e.spelled() ? naming.spell(e.link()) : e.link());
    }
    t.setSize(e.type() == TarConstants.LF_NORMAL ? e.content().length : 0);
    tar.putArchiveEntry(t);
    tar.write(e.content());
    tar.closeArchiveEntry();
  }

  /** A PAX extended header whose one record is {@code path=<value>} (POSIX.1-2001 pax format). */
  static void writePaxPath(TarArchiveOutputStream tar, String value) throws IOException {
    byte[] body = (" path=" + value + "\n").getBytes(StandardCharsets.UTF_8);
    int length = body.length + 1;
    while (String.valueOf(length).length() + body.length != length) {
      length++;
    }
    byte[] record =
        (length + new String(body, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
    TarArchiveEntry header =
        new TarArchiveEntry("PaxHeaders/pax-named", TarConstants.LF_PAX_EXTENDED_HEADER_LC, true);
    header.setSize(record.length);
    header.setModTime(MTIME_SECONDS * 1000);
    tar.putArchiveEntry(header);
    tar.write(record);
    tar.closeArchiveEntry();
  }

  private TestLayer add(String path, byte type, byte[] content, String link, int mode) {
    entries.add(new Entry(strip(path), type, content, link, mode, uid, true));
    return this;
  }

  private static String strip(String path) {
    return path.startsWith("/") ? path.substring(1) : path;
  }
}
