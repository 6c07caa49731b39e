package dev.sizebot.image;

import dev.sizebot.common.SizebotException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The one streaming pass over an image archive (docker save, legacy or OCI; or an OCI layout tar).
 * Members are classified by their first bytes as they arrive — JSON kept (bounded), layers indexed
 * on the fly — because {@code manifest.json} may come last and nothing is written to disk.
 */
final class ArchiveScan {
  // A legacy save's layer directory holds VERSION, json and layer.tar, in that order in the stream.
  private static final Pattern LEGACY_LAYER_JSON = Pattern.compile("[0-9a-f]{64}/json");

  private final ReadLimits limits;
  private final EntryBudget budget;
  private final LayerIndexer indexer;
  private final LayerCache cache;

  ArchiveScan(ReadLimits limits, LayerCache cache) {
    this.limits = limits;
    this.budget = new EntryBudget(limits.maxEntries());
    this.indexer = new LayerIndexer(limits, budget);
    this.cache = cache;
  }

  ArchiveContents scan(InputStream archive, String name) {
    ArchiveContents contents = new ArchiveContents(name);
    try {
      // Buffered so that header blocks are not read 512 bytes at a time; a cached layer's bytes
      // are skipped past the buffer (TarReader).
      BufferedInputStream buffered = new BufferedInputStream(archive, 1 << 16);
      if (shorterThanOneHeader(buffered)) {
        // No entries (a text file named .tar): the caller then says what the archive lacks, which
        // helps more than "truncated".
        return contents;
      }
      TarReader tar = new TarReader(buffered);
      TarReader.Header entry;
      while ((entry = tar.next()) != null) {
        member(contents, entry, tar.content());
      }
      return contents;
    } catch (IOException | RuntimeException e) {
      if (e instanceof SizebotException s) {
        throw s;
      }
      throw SizebotException.invalidInput(
          name + " is not a readable image archive (truncated or corrupt tar): " + e.getMessage(),
          e);
    }
  }

  private void member(ArchiveContents contents, TarReader.Header entry, InputStream content)
      throws IOException {
    String where = contents.name();
    String path = EntryNames.archivePath(entry.name(), where);
    if (entry.type() == '2') {
      contents.links.put(path, EntryNames.linkTarget(path, entry.linkName(), where));
    } else if (entry.type() == '1') {
      contents.links.put(path, EntryNames.archivePath(entry.linkName(), where));
    } else if (entry.regularFile()) {
      file(contents, path, entry.size(), content);
    }
    // Directories, devices and FIFOs hold nothing an image is made of.
  }

  private void file(ArchiveContents contents, String path, long size, InputStream content)
      throws IOException {
    Optional<IndexedLayer> known = cache.forMember(path, size);
    if (known.isPresent()) {
      // Its bytes are left unread: the tar reader skips them on the way to the next member.
      budget.spend(known.get().index().entries().size(), contents.name());
      contents.layers.put(path, known.get());
      return;
    }
    byte[] head = content.readNBytes(Compression.HEAD_BYTES);
    if (looksLikeJson(head) || path.endsWith(".json")) {
      if (size > limits.maxJsonBytes()) {
        contents.oversizeJson.add(path);
        return;
      }
      byte[] rest = content.readAllBytes();
      byte[] all = new byte[head.length + rest.length];
      System.arraycopy(head, 0, all, 0, head.length);
      System.arraycopy(rest, 0, all, head.length, rest.length);
      contents.json.put(path, all);
      if (LEGACY_LAYER_JSON.matcher(path).matches()) {
        cache.legacyLayerJson(path.substring(0, path.indexOf('/')), all);
      }
      return;
    }
    Compression compression = Compression.detect(head, head.length);
    if (compression == null) {
      contents.otherFiles.add(path);
      return;
    }
    InputStream blob = new PeekedStream(head, content);
    String where = contents.name() + ": layer '" + path + "'";
    cache.countRead();
    contents.layers.put(path, indexer.index(blob, compression, size, where));
  }

  private static boolean shorterThanOneHeader(BufferedInputStream in) throws IOException {
    in.mark(TarReader.BLOCK);
    int n = in.readNBytes(TarReader.BLOCK).length;
    in.reset();
    return n < TarReader.BLOCK;
  }

  private static boolean looksLikeJson(byte[] head) {
    for (byte b : head) {
      if (b == '{' || b == '[') {
        return true;
      }
      if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
        return false;
      }
    }
    return false;
  }
}
