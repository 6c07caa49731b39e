package dev.sizebot.testing;

import dev.sizebot.common.Digest;
import dev.sizebot.common.UnixPath;
import dev.sizebot.image.EntryType;
import dev.sizebot.image.FileEntry;
import dev.sizebot.image.HistoryEntry;
import dev.sizebot.image.Image;
import dev.sizebot.image.ImageConfig;
import dev.sizebot.image.Layer;
import dev.sizebot.image.LayerIndex;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds {@link Layer} and {@link Image} values by hand, entry by entry, without any archive: for
 * analysis and rendering tests that need exact layers.
 */
public final class LayerBuilder {
  private final String createdBy;
  private final List<FileEntry> entries = new ArrayList<>();
  private final List<UnixPath> whiteouts = new ArrayList<>();
  private final List<UnixPath> opaque = new ArrayList<>();
  private long compressed = -1;

  private LayerBuilder(String createdBy) {
    this.createdBy = createdBy;
  }

  public static LayerBuilder layer(String createdBy) {
    return new LayerBuilder(createdBy);
  }

  public LayerBuilder dir(String path) {
    return add(path, EntryType.DIRECTORY, 0, Optional.empty(), Optional.empty());
  }

  /** A regular file of {@code size} bytes whose content hash is {@code hash}. */
  public LayerBuilder file(String path, long size, String hash) {
    return add(path, EntryType.FILE, size, Optional.empty(), Optional.of(hash));
  }

  public LayerBuilder hardlink(String path, String target) {
    return add(path, EntryType.HARDLINK, 0, Optional.of(target), Optional.empty());
  }

  public LayerBuilder symlink(String path, String target) {
    return add(path, EntryType.SYMLINK, 0, Optional.of(target), Optional.empty());
  }

  public LayerBuilder whiteout(String path) {
    whiteouts.add(UnixPath.of(path));
    return this;
  }

  public LayerBuilder opaque(String dir) {
    opaque.add(UnixPath.of(dir));
    return this;
  }

  /** The exact compressed size, as when the archive held the compressed blob. */
  public LayerBuilder compressed(long bytes) {
    compressed = bytes;
    return this;
  }

  private LayerBuilder add(
      String path, EntryType type, long size, Optional<String> link, Optional<String> hash) {
    entries.add(new FileEntry(UnixPath.of(path), type, size, 0644, 0, 0, link, hash));
    return this;
  }

  public Layer build(int position) {
    // The engine's layer size: file bytes plus symlink target lengths.
    long size =
        entries.stream()
            .mapToLong(
                e ->
                    e.type() == EntryType.SYMLINK
                        ? e.linkTarget().orElse("").length()
                        : e.isFile() ? e.size() : 0)
            .sum();
    // A ustar stream: a 512-byte header per entry (and whiteout), content padded to 512, and
    // two zero blocks at the end.
    long tar = 1024 + 512L * (whiteouts.size() + opaque.size());
    for (FileEntry e : entries) {
      tar += 512 + (e.size() + 511) / 512 * 512;
    }
    LayerIndex index =
        new LayerIndex(
            entries,
            whiteouts,
            opaque,
            size,
            tar,
            compressed < 0 ? tar / 2 : compressed,
            compressed >= 0);
    String hex = String.format("%064x", position + 1);
    HistoryEntry history = new HistoryEntry(createdBy, false, Optional.empty(), Optional.empty());
    return new Layer(
        position,
        Digest.sha256(hex),
        Optional.empty(),
        "application/vnd.oci.image.layer.v1.tar",
        history,
        index);
  }

  public static Image image(LayerBuilder... layers) {
    return image(List.of(), layers);
  }

  /** An image named by {@code tags}, with one history entry per layer. */
  public static Image image(List<String> tags, LayerBuilder... layers) {
    List<Layer> built = new ArrayList<>();
    for (int i = 0; i < layers.length; i++) {
      built.add(layers[i].build(i));
    }
    ImageConfig config =
        new ImageConfig(
            "linux",
            "amd64",
            Optional.empty(),
            List.of(),
            "",
            "",
            List.of(),
            List.of(),
            List.of(),
            Optional.empty(),
            Map.of());
    return new Image(
        tags,
        Digest.sha256("f".repeat(64)),
        config,
        built.stream().map(Layer::history).toList(),
        built);
  }
}
