package dev.sizebot.analysis;

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

/** Builds {@link Layer} values by hand, entry by entry, for analysis tests. */
final class LayerBuilder {
  private final String createdBy;
  private final List<FileEntry> entries = new ArrayList<>();
  private final List<UnixPath> whiteouts = new ArrayList<>();
  private final List<UnixPath> opaque = new ArrayList<>();

  private LayerBuilder(String createdBy) {
    this.createdBy = createdBy;
  }

  static LayerBuilder layer(String createdBy) {
    return new LayerBuilder(createdBy);
  }

  LayerBuilder dir(String path) {
    return add(path, EntryType.DIRECTORY, 0, Optional.empty(), Optional.empty());
  }

  /** A regular file of {@code size} bytes whose content hash is {@code hash}. */
  LayerBuilder file(String path, long size, String hash) {
    return add(path, EntryType.FILE, size, Optional.empty(), Optional.of(hash));
  }

  LayerBuilder hardlink(String path, String target) {
    return add(path, EntryType.HARDLINK, 0, Optional.of(target), Optional.empty());
  }

  LayerBuilder symlink(String path, String target) {
    return add(path, EntryType.SYMLINK, 0, Optional.of(target), Optional.empty());
  }

  LayerBuilder whiteout(String path) {
    whiteouts.add(UnixPath.of(path));
    return this;
  }

  LayerBuilder opaque(String dir) {
    opaque.add(UnixPath.of(dir));
    return this;
  }

  private LayerBuilder add(
      String path, EntryType type, long size, Optional<String> link, Optional<String> hash) {
    entries.add(new FileEntry(UnixPath.of(path), type, size, 0644, 0, 0, link, hash));
    return this;
  }

  Layer build(int position) {
    long size = entries.stream().mapToLong(FileEntry::size).sum();
    LayerIndex index = new LayerIndex(entries, whiteouts, opaque, size, size, size, false);
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

  static Image image(LayerBuilder... layers) {
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
        List.of(),
        Digest.sha256("f".repeat(64)),
        config,
        built.stream().map(Layer::history).toList(),
        built);
  }
}
