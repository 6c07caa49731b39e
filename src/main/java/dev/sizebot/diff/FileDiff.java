package dev.sizebot.diff;

import dev.sizebot.common.UnixPath;
import dev.sizebot.diff.FileChange.Kind;
import dev.sizebot.image.FileEntry;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * File-level diff of two final filesystems: how many paths of each kind changed and by how many
 * bytes, the largest changes, and the same summed per directory (for long lists).
 *
 * @param kinds per kind (in {@link Kind} order): number of changed paths and signed bytes
 * @param largest the changes with the largest absolute Δ (ties by path), at most the requested top
 * @param directories changes summed per directory (the first {@value #GROUP_DEPTH} path components
 *     of the parent), largest absolute Δ first, at most the requested top
 */
public record FileDiff(
    List<KindTotal> kinds, List<FileChange> largest, List<DirectoryChange> directories) {
  static final int GROUP_DEPTH = 3;
  private static final Comparator<FileChange> BY_SIZE =
      Comparator.comparingLong((FileChange c) -> -Math.abs(c.delta()))
          .thenComparing(FileChange::path);

  public FileDiff {
    kinds = List.copyOf(kinds);
    largest = List.copyOf(largest);
    directories = List.copyOf(directories);
  }

  /** Number of changed paths, all kinds. */
  public int total() {
    return kinds.stream().mapToInt(KindTotal::count).sum();
  }

  /** Signed bytes over all changed paths. */
  public long delta() {
    return kinds.stream().mapToLong(KindTotal::delta).sum();
  }

  /** The changed paths of one kind and their signed bytes. */
  public record KindTotal(Kind kind, int count, long delta) {
    public KindTotal {
      Objects.requireNonNull(kind, "kind");
    }
  }

  /**
   * Diffs {@code base} against {@code head}. {@code aligned} maps a base step index to the head
   * step index it was aligned with, so unchanged content now written by another step is {@link
   * Kind#MOVED}.
   */
  public static FileDiff between(
      FinalFiles base, FinalFiles head, Map<Integer, Integer> aligned, int top) {
    List<FileChange> changes = new ArrayList<>();
    Map<Integer, StepRef> refs = new HashMap<>();
    base.files()
        .forEach(
            (path, b) -> {
              Optional<FinalFiles.File> h = head.get(path);
              if (h.isEmpty()) {
                changes.add(change(b.entry().path(), Kind.REMOVED, Optional.of(b), h, refs));
              } else {
                kindOf(b, h.get(), aligned)
                    .ifPresent(
                        k -> changes.add(change(b.entry().path(), k, Optional.of(b), h, refs)));
              }
            });
    head.files()
        .forEach(
            (path, h) -> {
              if (base.get(path).isEmpty()) {
                changes.add(
                    change(h.entry().path(), Kind.ADDED, Optional.empty(), Optional.of(h), refs));
              }
            });
    return summarize(changes, top);
  }

  private static Optional<Kind> kindOf(
      FinalFiles.File b, FinalFiles.File h, Map<Integer, Integer> aligned) {
    FileEntry be = b.entry();
    FileEntry he = h.entry();
    boolean same =
        be.type() == he.type()
            && be.size() == he.size()
            && be.contentHash().equals(he.contentHash())
            && be.linkTarget().equals(he.linkTarget());
    if (same) {
      Integer pairedHead = aligned.get(b.step().index());
      return Objects.equals(pairedHead, h.step().index())
          ? Optional.empty()
          : Optional.of(Kind.MOVED);
    }
    if (he.size() != be.size()) {
      return Optional.of(he.size() > be.size() ? Kind.GROWN : Kind.SHRUNK);
    }
    return Optional.of(Kind.MODIFIED);
  }

  private static FileChange change(
      UnixPath path,
      Kind kind,
      Optional<FinalFiles.File> b,
      Optional<FinalFiles.File> h,
      Map<Integer, StepRef> refs) {
    // Steps are shared by many files; one StepRef per step keeps a 100k-file diff small. Base and
    // head indexes are kept apart by sign.
    return new FileChange(
        path,
        kind,
        b.map(f -> f.entry().size()).orElse(0L),
        h.map(f -> f.entry().size()).orElse(0L),
        b.map(f -> refs.computeIfAbsent(-1 - f.step().index(), k -> StepRef.of(f.step()))),
        h.map(f -> refs.computeIfAbsent(f.step().index(), k -> StepRef.of(f.step()))));
  }

  private static FileDiff summarize(List<FileChange> changes, int top) {
    Map<Kind, Integer> counts = new EnumMap<>(Kind.class);
    Map<Kind, Long> deltas = new EnumMap<>(Kind.class);
    Map<UnixPath, DirectoryChange> dirs = new HashMap<>();
    for (FileChange c : changes) {
      counts.merge(c.kind(), 1, Integer::sum);
      deltas.merge(c.kind(), c.delta(), Long::sum);
      dirs.merge(group(c.path()), DirectoryChange.of(group(c.path()), c), DirectoryChange::plus);
    }
    List<FileChange> largest = changes.stream().sorted(BY_SIZE).limit(top).toList();
    List<DirectoryChange> directories =
        dirs.values().stream()
            .sorted(
                Comparator.comparingLong((DirectoryChange d) -> -Math.abs(d.delta()))
                    .thenComparing(DirectoryChange::directory))
            .limit(top)
            .toList();
    List<KindTotal> kinds = new ArrayList<>();
    for (Kind k : Kind.values()) {
      kinds.add(new KindTotal(k, counts.getOrDefault(k, 0), deltas.getOrDefault(k, 0L)));
    }
    return new FileDiff(kinds, largest, directories);
  }

  static UnixPath group(UnixPath path) {
    UnixPath dir = path.parent();
    String[] parts = dir.value().split("/");
    if (parts.length - 1 <= GROUP_DEPTH) {
      return dir;
    }
    return UnixPath.of(String.join("/", java.util.Arrays.copyOf(parts, GROUP_DEPTH + 1)));
  }
}
