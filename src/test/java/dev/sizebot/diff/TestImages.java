package dev.sizebot.diff;

import dev.sizebot.common.Digest;
import dev.sizebot.common.UnixPath;
import dev.sizebot.image.EntryType;
import dev.sizebot.image.FileEntry;
import dev.sizebot.image.HistoryEntry;
import dev.sizebot.image.Image;
import dev.sizebot.image.ImageConfig;
import dev.sizebot.image.Layer;
import dev.sizebot.image.LayerIndex;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Hand-built images for exact-number diff tests. */
public final class TestImages {
  private final List<HistoryEntry> history = new ArrayList<>();
  private final List<Layer> layers = new ArrayList<>();
  private ImageConfig config = config(List.of(), Map.of());

  public static TestImages image() {
    return new TestImages();
  }

  /** An empty-layer step (ENV, LABEL, …). */
  public TestImages empty(String createdBy) {
    history.add(new HistoryEntry(createdBy, true, Optional.empty(), Optional.empty()));
    return this;
  }

  /**
   * A layer step whose files are given as {@code path, size} pairs; the diffID derives from {@code
   * content} so equal content tags give equal digests.
   */
  public TestImages layer(String createdBy, String content, Object... pathsAndSizes) {
    List<FileEntry> entries = new ArrayList<>();
    long size = 0;
    for (int i = 0; i < pathsAndSizes.length; i += 2) {
      long bytes = ((Number) pathsAndSizes[i + 1]).longValue();
      String path = (String) pathsAndSizes[i];
      entries.add(file(path, bytes, content + path + bytes));
      size += bytes;
    }
    return layer(createdBy, content, entries, List.of(), size);
  }

  public TestImages layer(
      String createdBy,
      String content,
      List<FileEntry> entries,
      List<String> whiteouts,
      long size) {
    HistoryEntry h = new HistoryEntry(createdBy, false, Optional.empty(), Optional.empty());
    history.add(h);
    LayerIndex index =
        new LayerIndex(
            entries,
            whiteouts.stream().map(UnixPath::of).toList(),
            List.of(),
            size,
            size + 1024,
            size / 2,
            false);
    layers.add(
        new Layer(layers.size(), digest(content), Optional.empty(), "application/x-tar", h, index));
    return this;
  }

  /**
   * Marks the last layer's compressed size as measured (a compressed blob) rather than estimated.
   */
  public TestImages measured() {
    Layer last = layers.remove(layers.size() - 1);
    LayerIndex i = last.index();
    layers.add(
        new Layer(
            last.position(),
            last.diffId(),
            last.blobDigest(),
            last.mediaType(),
            last.history(),
            new LayerIndex(
                i.entries(),
                i.whiteouts(),
                i.opaqueDirs(),
                i.size(),
                i.tarBytes(),
                i.compressedBytes(),
                true)));
    return this;
  }

  public TestImages config(ImageConfig config) {
    this.config = config;
    return this;
  }

  public Image build() {
    return new Image(
        List.of("test:latest"), digest(history.toString() + layers), config, history, layers);
  }

  public static FileEntry file(String path, long size, String content) {
    return new FileEntry(
        UnixPath.of(path),
        EntryType.FILE,
        size,
        0644,
        0,
        0,
        Optional.empty(),
        Optional.of(digest(content).hex()));
  }

  public static ImageConfig config(List<String> env, Map<String, String> labels) {
    return new ImageConfig(
        "linux",
        "amd64",
        Optional.empty(),
        env,
        "",
        "",
        List.of(),
        List.of("sh"),
        List.of(),
        Optional.empty(),
        labels);
  }

  public static Digest digest(String content) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8));
      return Digest.sha256(HexFormat.of().formatHex(hash));
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }
}
