package dev.sizebot.image;

import dev.sizebot.common.SizebotException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * An OCI image layout directory (or an unpacked docker save). Members are read on demand, so only
 * the chosen image's layers are indexed; each is still read in one streaming pass.
 */
final class LayoutDirectorySource extends ResolvingSource implements ArchiveFiles {
  private final Path root;
  private final EntryBudget budget;
  private final LayerIndexer indexer;
  private final Map<String, Optional<IndexedLayer>> layers = new HashMap<>();

  LayoutDirectorySource(Path root, ReadLimits limits, LayerCache cache) {
    super(root.toString(), limits, cache);
    this.root = root;
    this.budget = new EntryBudget(limits.maxEntries());
    this.indexer = new LayerIndexer(limits, budget);
  }

  @Override
  ArchiveFiles files() {
    return this;
  }

  @Override
  public boolean reopenable() {
    return true;
  }

  @Override
  InputStream openBlob(String path) throws IOException {
    return Files.newInputStream(member(path));
  }

  @Override
  public String resolve(String path) {
    return path; // the filesystem follows symlinks (and refuses loops) itself
  }

  @Override
  public Optional<byte[]> json(String path) {
    Path file = member(path);
    try {
      if (!Files.exists(file)) {
        return Optional.empty();
      }
      if (Files.size(file) > limits.maxJsonBytes()) {
        throw SizebotException.invalidInput(
            name() + ": '" + path + "' is larger than the JSON size limit: not a sane image");
      }
      return Optional.of(Files.readAllBytes(file));
    } catch (IOException e) {
      throw unreadable(path, e);
    }
  }

  @Override
  public synchronized Optional<IndexedLayer> layer(String path) {
    return layers.computeIfAbsent(path, this::indexLayer);
  }

  private Optional<IndexedLayer> indexLayer(String path) {
    Path file = member(path);
    String where = name() + ": layer '" + path + "'";
    try (InputStream in = Files.newInputStream(file)) {
      long size = Files.size(file);
      Optional<IndexedLayer> known = cache.forMember(path, size);
      if (known.isPresent()) {
        budget.spend(known.get().index().entries().size(), where);
        return known;
      }
      byte[] head = in.readNBytes(Compression.HEAD_BYTES);
      Compression compression = Compression.detect(head, head.length);
      if (compression == null) {
        throw SizebotException.invalidInput(where + " is not a tar, gzip or zstd stream");
      }
      InputStream blob = new PeekedStream(head, in);
      cache.countRead();
      return Optional.of(indexer.index(blob, compression, size, where));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw unreadable(path, e);
    }
  }

  /** A member path inside the layout; names that would leave it are refused. */
  private Path member(String path) {
    EntryNames.archivePath(path, name());
    return root.resolve(path);
  }

  private SizebotException unreadable(String path, IOException e) {
    String why =
        e instanceof FileSystemException f && f.getReason() != null
            ? f.getReason()
            : String.valueOf(e.getMessage());
    return SizebotException.invalidInput(name() + ": cannot read '" + path + "': " + why, e);
  }
}
