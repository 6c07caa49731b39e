package dev.sizebot.rules;

import dev.sizebot.analysis.Analysis;
import dev.sizebot.analysis.WastedFile;
import dev.sizebot.common.UnixPath;
import dev.sizebot.image.FileEntry;
import dev.sizebot.image.Image;
import dev.sizebot.image.Layer;
import dev.sizebot.image.LayerIndex;
import dev.sizebot.rules.ShippedBytes.Piece;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
  public Optional<ShippedBytes> bytesUnder(int instructionLine, UnixPath dir) {
    return lines.layerOf(instructionLine).map(position -> filesUnder(position, dir));
  }

  /** Dead bytes the creating layer ships because the deleting layer removed or overwrote them. */
  @Override
  public Optional<ShippedBytes> deletedLater(int createdAtLine, int deletedAtLine) {
    Optional<Integer> created = lines.layerOf(createdAtLine);
    Optional<Integer> deleted = lines.layerOf(deletedAtLine);
    if (created.isEmpty() || deleted.isEmpty() || deleted.get() <= created.get()) {
      return Optional.empty();
    }
    Map<Piece, Long> pieces = new HashMap<>();
    for (WastedFile w : analysis.reclaimable()) {
      if (w.addedBy() == created.get() && w.removedBy() == deleted.get()) {
        pieces.merge(new Piece(w.addedBy(), w.path()), w.bytes(), Long::sum);
      }
    }
    return Optional.of(new ShippedBytes(pieces));
  }

  /**
   * Every byte a layer adds either stays live or is booked as reclaimable by the analysis, so the
   * live bytes under a path are the bytes all layers add there minus the dead ones there.
   */
  @Override
  public Optional<ShippedBytes> finalBytesUnder(UnixPath path) {
    Map<Piece, Long> pieces = new HashMap<>();
    for (int i = 0; i < image.layers().size(); i++) {
      pieces.putAll(filesUnder(i, path).pieces());
    }
    for (WastedFile w : analysis.reclaimable()) {
      if (w.path().startsWith(path)) {
        pieces.computeIfPresent(new Piece(w.addedBy(), w.path()), (p, b) -> b - w.bytes());
      }
    }
    pieces.values().removeIf(bytes -> bytes <= 0);
    return Optional.of(new ShippedBytes(pieces));
  }

  @Override
  public List<DeadFile> deadFilesOf(int instructionLine) {
    Optional<Integer> layer = lines.layerOf(instructionLine);
    if (layer.isEmpty()) {
      return List.of();
    }
    Map<Integer, Integer> lineOf = new HashMap<>();
    lines.positions().forEach((line, position) -> lineOf.put(position, line));
    List<DeadFile> dead = new ArrayList<>();
    // The analysis lists them largest first, and so does this.
    for (WastedFile w : analysis.reclaimable()) {
      if (w.addedBy() == layer.get() && w.removedBy() > w.addedBy()) {
        dead.add(
            new DeadFile(
                ShippedBytes.of(w.addedBy(), w.path(), w.bytes()),
                w.path(),
                Optional.ofNullable(lineOf.get(w.removedBy())),
                removedRoot(w),
                w.cause()));
      }
    }
    return dead;
  }

  // The topmost path the removing layer deleted above (or at) the file; the file itself when it
  // was overwritten or its removal is not a whiteout of this layer.
  private UnixPath removedRoot(WastedFile w) {
    LayerIndex remover = image.layers().get(w.removedBy()).index();
    UnixPath root = w.path();
    for (UnixPath gone : remover.whiteouts()) {
      if (w.path().startsWith(gone) && root.startsWith(gone)) {
        root = gone;
      }
    }
    for (UnixPath dir : remover.opaqueDirs()) {
      if (w.path().startsWith(dir) && root.startsWith(dir)) {
        root = dir;
      }
    }
    return root;
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

  private ShippedBytes filesUnder(int position, UnixPath dir) {
    Map<Piece, Long> pieces = new HashMap<>();
    for (FileEntry entry : image.layers().get(position).index().entries()) {
      if (entry.isFile() && entry.size() > 0 && entry.path().startsWith(dir)) {
        pieces.merge(new Piece(position, entry.path()), entry.size(), Long::sum);
      }
    }
    return new ShippedBytes(pieces);
  }
}
