package dev.sizebot.analysis;

import dev.sizebot.common.UnixPath;
import dev.sizebot.image.EntryType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.TreeMap;

/** One pass over the final filesystem: counts, the largest files and duplicated content. */
record FinalScan(FinalFilesystem filesystem, List<Duplicate> duplicates) {
  private static final Comparator<LargeFile> BY_SIZE =
      Comparator.comparingLong(LargeFile::size)
          .thenComparing(LargeFile::path, Comparator.reverseOrder());

  /** A file's content under the path that names it; one per inode, so 100k+ stay cheap. */
  private record Copy(String hash, long size, LayerStack.Slot name) {}

  static FinalScan of(Collection<LayerStack.Slot> live, int largest) {
    long[] counts = new long[EntryType.values().length];
    long bytes = 0;
    PriorityQueue<LargeFile> top = new PriorityQueue<>(BY_SIZE);
    List<Copy> copies = new ArrayList<>();
    // An inode with several live names (hardlinks) is named by its smallest path, so the result
    // does not depend on the map's iteration order.
    Map<LayerStack.Slot, LayerStack.Slot> linked = new HashMap<>();
    List<LayerStack.Slot> named = new ArrayList<>(live.size());
    for (LayerStack.Slot slot : live) {
      counts[slot.entry.type().ordinal()]++;
      LayerStack.Slot owner = slot.owner;
      if (owner == null) {
        continue;
      }
      if (owner.names <= 1) {
        named.add(slot);
      } else {
        linked.merge(owner, slot, (a, b) -> a.entry.path().compareTo(b.entry.path()) <= 0 ? a : b);
      }
    }
    named.addAll(linked.values());
    for (LayerStack.Slot slot : named) {
      LayerStack.Slot owner = slot.owner;
      long size = owner.entry.size();
      bytes += size;
      if (largest > 0 && (top.size() < largest || size >= top.peek().size())) {
        LargeFile file = new LargeFile(slot.entry.path(), size, owner.layer);
        // Ties on size go to the smaller path (BY_SIZE), whatever order the files come in.
        if (top.size() < largest || BY_SIZE.compare(file, top.peek()) > 0) {
          top.add(file);
          if (top.size() > largest) {
            top.poll();
          }
        }
      }
      if (size > 0 && owner.entry.contentHash().isPresent()) {
        copies.add(new Copy(owner.entry.contentHash().get(), size, slot));
      }
    }
    List<LargeFile> biggest = new ArrayList<>(top);
    biggest.sort(BY_SIZE.reversed());
    long others =
        counts[EntryType.CHAR_DEVICE.ordinal()]
            + counts[EntryType.BLOCK_DEVICE.ordinal()]
            + counts[EntryType.FIFO.ordinal()]
            + counts[EntryType.OTHER.ordinal()];
    FinalFilesystem fs =
        new FinalFilesystem(
            counts[EntryType.FILE.ordinal()],
            counts[EntryType.DIRECTORY.ordinal()],
            counts[EntryType.SYMLINK.ordinal()],
            counts[EntryType.HARDLINK.ordinal()],
            others,
            bytes,
            biggest);
    return new FinalScan(fs, duplicates(copies));
  }

  /** Groups copies by content in one hash pass (no sort of every file). */
  private static List<Duplicate> duplicates(List<Copy> copies) {
    Map<String, List<Copy>> byHash = new HashMap<>();
    Map<String, Copy> single = new HashMap<>(copies.size() * 2);
    for (Copy copy : copies) {
      Copy first = single.putIfAbsent(copy.hash(), copy);
      if (first != null) {
        byHash.computeIfAbsent(copy.hash(), h -> new ArrayList<>(List.of(first))).add(copy);
      }
    }
    List<Duplicate> out = new ArrayList<>();
    for (List<Copy> group : byHash.values()) {
      // Equal hashes of different sizes are different content: split by size.
      Map<Long, List<UnixPath>> bySize = new TreeMap<>();
      for (Copy c : group) {
        bySize.computeIfAbsent(c.size(), s -> new ArrayList<>()).add(c.name().entry.path());
      }
      bySize.forEach(
          (size, paths) -> {
            if (paths.size() >= 2) {
              out.add(new Duplicate(group.get(0).hash(), size, paths.stream().sorted().toList()));
            }
          });
    }
    out.sort(
        Comparator.comparingLong(Duplicate::savable)
            .reversed()
            .thenComparing(d -> d.paths().get(0)));
    return out;
  }
}
