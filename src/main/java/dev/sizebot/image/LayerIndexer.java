package dev.sizebot.image;

import dev.sizebot.common.SizebotException;
import dev.sizebot.common.UnixPath;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Indexes one layer blob in a single pass: decompresses by magic bytes, walks the tar, hashes every
 * regular file, and counts sizes. Never buffers content; memory is the entry list only.
 */
final class LayerIndexer {
  private static final String WHITEOUT = ".wh.";
  private static final String OPAQUE = ".wh..wh..opq";
  private static final int BUFFER = 1 << 16;

  private final ReadLimits limits;
  private final EntryBudget budget;
  private final byte[] buffer = new byte[BUFFER];
  private final XxHash64 hash = new XxHash64();

  LayerIndexer(ReadLimits limits, EntryBudget budget) {
    this.limits = limits;
    this.budget = budget;
  }

  /**
   * Indexes the blob {@code blob} (already peeked: {@code compression} was detected from its head)
   * whose stored size is {@code storedBytes}; {@code where} names it in error messages.
   */
  IndexedLayer index(InputStream blob, Compression compression, long storedBytes, String where) {
    long cap =
        compression == Compression.NONE
            ? limits.maxLayerBytes()
            : limits.uncompressedCap(storedBytes);
    BackgroundEstimate estimate =
        compression == Compression.NONE ? new BackgroundEstimate(storedBytes) : null;
    boolean done = false;
    try {
      MeteredInputStream tarBytes =
          new MeteredInputStream(compression.decompress(blob), cap, estimate);
      BufferedInputStream buffered = new BufferedInputStream(tarBytes, BUFFER);
      Walk walk = walk(new TarReader(buffered), where);
      // The tar ends at its zero blocks; the rest of the stream (padding, a gzip trailer with its
      // CRC) is read too, so the byte count is the whole tar and corruption at the end is caught.
      buffered.transferTo(OutputStream.nullOutputStream());
      long compressed = estimate == null ? storedBytes : estimate.finish();
      LayerIndex index =
          new LayerIndex(
              walk.entries,
              walk.whiteouts,
              walk.opaqueDirs,
              walk.sizer.size(),
              tarBytes.count(),
              compressed,
              estimate == null);
      done = true;
      return new IndexedLayer(index, compression, storedBytes);
    } catch (IOException | RuntimeException e) {
      throw refusal(e, compression, where);
    } finally {
      if (estimate != null && !done) {
        estimate.abandon();
      }
    }
  }

  /** One clear line for a layer that cannot be read. */
  private static SizebotException refusal(Exception e, Compression compression, String where) {
    if (e instanceof SizebotException s) {
      return s;
    }
    if (e instanceof MeteredInputStream.CapExceeded) {
      return SizebotException.invalidInput(
          where
              + " expands past "
              + e.getMessage().replace("more than ", "")
              + " (decompression bomb?): raise the read limits only if you trust this image",
          e);
    }
    return SizebotException.invalidInput(
        where
            + " is not a readable "
            + compression.label()
            + " layer ("
            + describe(e)
            + "): the archive is truncated or corrupt, save it again",
        e);
  }

  private static String describe(Exception e) {
    String message = e.getMessage();
    return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
  }

  /** What walking a layer tar found. */
  private static final class Walk {
    final Map<String, FileEntry> byPath = new LinkedHashMap<>();
    final List<FileEntry> entries = new ArrayList<>();
    final List<UnixPath> whiteouts = new ArrayList<>();
    final List<UnixPath> opaqueDirs = new ArrayList<>();
    final LayerSizer sizer = new LayerSizer();
  }

  private Walk walk(TarReader tar, String where) throws IOException {
    Walk walk = new Walk();
    TarReader.Header entry;
    while ((entry = tar.next()) != null) {
      UnixPath path = EntryNames.layerPath(entry.name(), where);
      String name = path.fileName();
      if (name.startsWith(WHITEOUT)) {
        whiteout(walk, path, name);
        continue;
      }
      if (path.isRoot()) {
        continue;
      }
      FileEntry file = entry(entry, path, tar, where);
      account(walk.sizer, file);
      // A path written twice in one tar ends as its last version (as unpacking would).
      walk.byPath.remove(path.value());
      walk.byPath.put(path.value(), file);
      budget.spend(1, where);
    }
    walk.entries.addAll(walk.byPath.values());
    return walk;
  }

  private static void whiteout(Walk walk, UnixPath path, String name) {
    if (name.equals(OPAQUE)) {
      walk.opaqueDirs.add(path.parent());
    } else if (!name.startsWith(WHITEOUT + WHITEOUT)) {
      // Other ".wh..wh." names are AUFS bookkeeping (hardlink dirs), not deletions.
      walk.whiteouts.add(path.parent().resolve(name.substring(WHITEOUT.length())));
    }
  }

  private FileEntry entry(TarReader.Header e, UnixPath path, TarReader tar, String where)
      throws IOException {
    EntryType type = type(e.type());
    Optional<String> link = Optional.empty();
    Optional<String> contentHash = Optional.empty();
    long size = 0;
    if (type == EntryType.FILE) {
      size = e.size();
      contentHash = Optional.of(hashContent(tar));
    } else if (type == EntryType.SYMLINK) {
      link = Optional.of(e.linkName());
    } else if (type == EntryType.HARDLINK) {
      link = Optional.of(EntryNames.layerPath(e.linkName(), where).value());
    }
    return new FileEntry(path, type, size, e.mode() & 07777, e.uid(), e.gid(), link, contentHash);
  }

  private static void account(LayerSizer sizer, FileEntry file) {
    String path = file.path().value();
    switch (file.type()) {
      case FILE -> sizer.file(path, file.size());
      case SYMLINK ->
          sizer.symlink(path, file.linkTarget().orElse("").getBytes(StandardCharsets.UTF_8).length);
      case HARDLINK -> sizer.hardlink(path, file.linkTarget().orElse(""));
      default -> sizer.other(path);
    }
  }

  private String hashContent(TarReader content) throws IOException {
    hash.reset();
    int n;
    while ((n = content.read(buffer, 0, BUFFER)) > 0) {
      hash.update(buffer, 0, n);
    }
    return "xxh64:" + hex16(hash.digest());
  }

  private static String hex16(long value) {
    String hex = Long.toHexString(value);
    return "0".repeat(16 - hex.length()) + hex;
  }

  /** Tar type flags (POSIX ustar, GNU {@code D} for dump directories, {@code 7} contiguous). */
  private static EntryType type(char flag) {
    return switch (flag) {
      case '0', '7' -> EntryType.FILE;
      case '1' -> EntryType.HARDLINK;
      case '2' -> EntryType.SYMLINK;
      case '3' -> EntryType.CHAR_DEVICE;
      case '4' -> EntryType.BLOCK_DEVICE;
      case '5', 'D' -> EntryType.DIRECTORY;
      case '6' -> EntryType.FIFO;
      default -> EntryType.OTHER;
    };
  }
}
