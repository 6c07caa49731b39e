package dev.sizebot.analysis;

import dev.sizebot.image.EntryType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/** One pass over the final filesystem: counts, the largest files and duplicated content. */
record FinalScan(FinalFilesystem filesystem, List<Duplicate> duplicates) {
  private static final Comparator<LargeFile> BY_SIZE =
      Comparator.comparingLong(LargeFile::size)
          .thenComparing(LargeFile::path, Comparator.reverseOrder());

  /** A file's content under the path that names it; one per inode, so 100k+ stay cheap. */
  private record Copy(LayerStack.Slot owner, LayerStack.Slot name) {
    long size() {
      return owner.entry.size();
    }

    String hash() {
      return owner.entry.contentHash().orElseThrow();
    }
  }

  // Hand-written rather than chained comparators: this sorts every file of the image.
  private static final Comparator<Copy> BY_CONTENT =
      (a, b) -> {
        int bySize = Long.compare(a.size(), b.size());
        return bySize != 0 ? bySize : a.hash().compareTo(b.hash());
      };

  static FinalScan of(Collection<LayerStack.Slot> live, int largest) {
    long[] counts = new long[EntryType.values().length];
    long bytes = 0;
    PriorityQueue<LargeFile> top = new PriorityQueue<>(BY_SIZE);
    List<Copy> copies = new ArrayList<>();
    // Sorted by path, so each inode is named by its first live path.
    for (LayerStack.Slot slot : live) {
      counts[slot.entry.type().ordinal()]++;
      LayerStack.Slot owner = slot.owner;
      if (owner == null || owner.counted) {
        continue;
      }
      owner.counted = true;
      long size = owner.entry.size();
      bytes += size;
      if (largest > 0 && (top.size() < largest || size > top.peek().size())) {
        top.add(new LargeFile(slot.entry.path(), size, owner.layer));
        if (top.size() > largest) {
          top.poll();
        }
      }
      if (size > 0 && owner.entry.contentHash().isPresent()) {
        copies.add(new Copy(owner, slot));
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

  private static List<Duplicate> duplicates(List<Copy> copies) {
    copies.sort(BY_CONTENT);
    List<Duplicate> out = new ArrayList<>();
    int start = 0;
    for (int i = 1; i <= copies.size(); i++) {
      if (i == copies.size() || BY_CONTENT.compare(copies.get(start), copies.get(i)) != 0) {
        if (i - start >= 2) {
          Copy first = copies.get(start);
          out.add(
              new Duplicate(
                  first.hash(),
                  first.size(),
                  copies.subList(start, i).stream()
                      .map(c -> c.name().entry.path())
                      .sorted()
                      .toList()));
        }
        start = i;
      }
    }
    out.sort(
        Comparator.comparingLong(Duplicate::savable)
            .reversed()
            .thenComparing(d -> d.paths().get(0)));
    return out;
  }
}
