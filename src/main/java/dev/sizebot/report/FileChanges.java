package dev.sizebot.report;

import dev.sizebot.diff.DirectoryChange;
import dev.sizebot.diff.FileChange;
import dev.sizebot.diff.FileDiff;
import dev.sizebot.diff.StepRef;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The file-level changes between the final filesystems: counts per kind, the largest changes, and
 * the same summed per directory.
 *
 * @param total number of changed paths (all kinds; more than {@code largest} holds when long)
 * @param kinds per kind with at least one path ({@code added}, {@code removed}, {@code grown},
 *     {@code shrunk}, {@code modified}, {@code moved})
 */
public record FileChanges(
    int total,
    long deltaBytes,
    List<KindCount> kinds,
    List<Row> largest,
    List<Directory> directories) {
  /** How many paths changed one way, and their signed bytes. */
  public record KindCount(String kind, int count, long deltaBytes) {
    public KindCount {
      Objects.requireNonNull(kind, "kind");
    }
  }

  /** One changed path (untrusted) and the steps that wrote its base and head versions. */
  public record Row(
      String path,
      String kind,
      long baseSize,
      long headSize,
      Optional<StepRef> baseStep,
      Optional<StepRef> headStep) {
    public Row {
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(baseStep, "baseStep");
      Objects.requireNonNull(headStep, "headStep");
    }

    long delta() {
      return headSize - baseSize;
    }
  }

  /** Changes summed under one directory. */
  public record Directory(
      String directory, int added, int removed, int changed, long baseBytes, long headBytes) {
    public Directory {
      Objects.requireNonNull(directory, "directory");
    }

    long delta() {
      return headBytes - baseBytes;
    }
  }

  public static final FileChanges NONE = new FileChanges(0, 0, List.of(), List.of(), List.of());

  public FileChanges {
    kinds = List.copyOf(kinds);
    largest = List.copyOf(largest);
    directories = List.copyOf(directories);
    if (total < largest.size()) {
      throw new IllegalArgumentException(total + " changed paths but " + largest.size() + " rows");
    }
  }

  static FileChanges of(FileDiff f) {
    return new FileChanges(
        f.total(),
        f.delta(),
        f.kinds().stream()
            .filter(k -> k.count() > 0)
            .map(k -> new KindCount(lower(k.kind()), k.count(), k.delta()))
            .toList(),
        f.largest().stream().map(FileChanges::row).toList(),
        f.directories().stream().map(FileChanges::directory).toList());
  }

  private static Row row(FileChange c) {
    return new Row(
        c.path().value(), lower(c.kind()), c.baseSize(), c.headSize(), c.baseStep(), c.headStep());
  }

  private static Directory directory(DirectoryChange d) {
    return new Directory(
        d.directory().value(), d.added(), d.removed(), d.changed(), d.baseBytes(), d.headBytes());
  }

  private static String lower(Enum<?> e) {
    return e.name().toLowerCase(Locale.ROOT);
  }
}
