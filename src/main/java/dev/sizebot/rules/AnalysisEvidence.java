package dev.sizebot.rules;

import dev.sizebot.analysis.Analysis;
import dev.sizebot.analysis.WastedFile;
import dev.sizebot.common.ByteSize;
import dev.sizebot.common.UnixPath;
import dev.sizebot.image.FileEntry;
import dev.sizebot.image.Image;
import dev.sizebot.image.Layer;
import dev.sizebot.image.LayerIndex;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Evidence read from the image the Dockerfile built: exact content bytes from its layer indexes and
 * its analysis. Bytes are regular-file content bytes, counted as the analysis counts them (a
 * hardlink owns none; its target's entry carries them).
 */
public final class AnalysisEvidence implements Evidence {
  private final Image image;
  private final Analysis analysis;
  private final LayerLines lines;

  public AnalysisEvidence(Image image, Analysis analysis, LayerLines lines) {
    this.image = Objects.requireNonNull(image, "image");
    this.analysis = Objects.requireNonNull(analysis, "analysis");
    this.lines = Objects.requireNonNull(lines, "lines");
    lines
        .positions()
        .forEach(
            (line, position) -> {
              if (position >= image.layers().size()) {
                throw new IllegalArgumentException(
                    "line " + line + " names layer " + position + " of an image with fewer layers");
              }
            });
  }

  @Override
  public Optional<ByteSize> bytesUnder(int instructionLine, UnixPath dir) {
    return lines
        .layerOf(instructionLine)
        .map(position -> ByteSize.of(fileBytesUnder(image.layers().get(position).index(), dir)));
  }

  /** Dead bytes the creating layer ships because the deleting layer removed or overwrote them. */
  @Override
  public Optional<ByteSize> deletedLater(int createdAtLine, int deletedAtLine) {
    Optional<Integer> created = lines.layerOf(createdAtLine);
    Optional<Integer> deleted = lines.layerOf(deletedAtLine);
    if (created.isEmpty() || deleted.isEmpty() || deleted.get() <= created.get()) {
      return Optional.empty();
    }
    long bytes =
        analysis.reclaimable().stream()
            .filter(w -> w.addedBy() == created.get() && w.removedBy() == deleted.get())
            .mapToLong(WastedFile::bytes)
            .sum();
    return Optional.of(ByteSize.of(bytes));
  }

  /**
   * Every byte a layer adds either stays live or is booked as reclaimable by the analysis, so the
   * live bytes under a path are the bytes all layers add there minus the dead ones there.
   */
  @Override
  public Optional<ByteSize> finalBytesUnder(UnixPath path) {
    long added = image.layers().stream().mapToLong(l -> fileBytesUnder(l.index(), path)).sum();
    long dead =
        analysis.reclaimable().stream()
            .filter(w -> w.path().startsWith(path))
            .mapToLong(WastedFile::bytes)
            .sum();
    return Optional.of(ByteSize.of(added - dead));
  }

  /**
   * Whether anything (file, symlink, directory) is at or below {@code path} once the layers are
   * stacked: the topmost layer that mentions the path decides. A zero-byte symlink such as {@code
   * /usr/bin/gcc → gcc-12} counts as present.
   */
  @Override
  public Optional<Boolean> presentInFinalImage(UnixPath path) {
    List<Layer> layers = image.layers();
    for (int i = layers.size() - 1; i >= 0; i--) {
      Optional<Boolean> decided = FinalPresence.in(layers.get(i).index(), path);
      if (decided.isPresent()) {
        return decided;
      }
    }
    return Optional.of(false);
  }

  private static long fileBytesUnder(LayerIndex index, UnixPath dir) {
    long bytes = 0;
    for (FileEntry entry : index.entries()) {
      if (entry.isFile() && entry.path().startsWith(dir)) {
        bytes += entry.size();
      }
    }
    return bytes;
  }
}
