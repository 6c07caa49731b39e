package dev.sizebot.analysis;

import dev.sizebot.common.UnixPath;
import dev.sizebot.image.EntryType;
import dev.sizebot.image.FileEntry;
import dev.sizebot.image.Layer;
import dev.sizebot.image.LayerIndex;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * dive's efficiency, wasted bytes and user-wasted ratio, by dive's own rules (wagoodman/dive {@code
 * dive/filetree/efficiency.go}, {@code file_tree.go}, {@code dive/image/image.go}):
 *
 * <ul>
 *   <li>each layer is a tree of its tar entries; only its leaves (nodes without children in that
 *       layer) are counted, each under its path;
 *   <li>a leaf's size is its tar header size (0 for directories, links and empty files); a
 *       whiteout's size is the size of the directory tree it removes from the layers below (0 when
 *       it removes a file);
 *   <li>opaque markers ({@code .wh..wh..opq}) are ignored, as dive ignores them;
 *   <li>the lower stack is dive's: an entry replaces a node's data but keeps its children, and a
 *       directory a layer only implies (no entry of its own) gets empty data.
 * </ul>
 *
 * One divergence: when a whiteout names a path that no lower layer has, dive stops walking that
 * layer (an error in its visitor); here it counts 0 and goes on.
 */
final class DiveEfficiency {
  /** Data of a directory a layer only implies: dive gives it an empty FileInfo (size 0, no dir). */
  private static final FileEntry IMPLIED =
      new FileEntry(UnixPath.ROOT, EntryType.OTHER, 0, 0, 0, 0, Optional.empty(), Optional.empty());

  private static final class Tally {
    long min = -1;
    long cumulative;
    int count;
  }

  /**
   * dive's stacked tree of the layers seen so far, by path. A hash map, not a sorted one: only a
   * whiteout needs a subtree, and one pass per layer with whiteouts serves all of them.
   */
  private final Map<String, FileEntry> stack = new HashMap<>();

  private final Map<String, Tally> tallies = new HashMap<>();

  static DiveMetrics of(List<Layer> layers) {
    DiveEfficiency dive = new DiveEfficiency();
    long size = 0;
    long firstSize = 0;
    for (Layer layer : layers) {
      long layerSize = dive.visit(layer.index());
      size += layerSize;
      if (layer == layers.get(0)) {
        firstSize = layerSize;
      }
    }
    return dive.metrics(size, size - firstSize);
  }

  /** Counts one layer's leaves against the stack below, then stacks it; returns its dive size. */
  private long visit(LayerIndex index) {
    Map<String, FileEntry> nodes = new HashMap<>();
    long size = 0;
    for (FileEntry entry : index.entries()) {
      size += entry.size();
      if (!entry.path().isRoot()) {
        nodes.put(entry.path().value(), entry);
      }
    }
    for (UnixPath dir : index.opaqueDirs()) {
      if (!dir.isRoot()) {
        nodes.putIfAbsent(dir.value(), IMPLIED); // dive creates the marker's parent, then drops it
      }
    }
    Set<String> parents = new HashSet<>();
    List<String> implied = new ArrayList<>();
    markAncestors(nodes.keySet(), nodes, parents, implied);
    markAncestors(paths(index.whiteouts()), nodes, parents, implied);
    removeWhiteouts(index.whiteouts()).forEach(this::tally);
    nodes.forEach(
        (path, entry) -> {
          if (!parents.contains(path)) {
            tally(path, entry.isDirectory() ? 0 : entry.size());
          }
        });
    stack.putAll(nodes);
    implied.forEach(path -> stack.put(path, IMPLIED));
    return size;
  }

  private static List<String> paths(List<UnixPath> paths) {
    return paths.stream().map(UnixPath::value).toList();
  }

  /** Collects every ancestor (they have children, so are no leaves) and the implied ones. */
  private static void markAncestors(
      Iterable<String> paths,
      Map<String, FileEntry> nodes,
      Set<String> parents,
      List<String> implied) {
    for (String path : paths) {
      int slash = path.lastIndexOf('/');
      while (slash > 0) {
        String ancestor = path.substring(0, slash);
        if (!parents.add(ancestor)) {
          break;
        }
        if (!nodes.containsKey(ancestor)) {
          implied.add(ancestor);
        }
        slash = ancestor.lastIndexOf('/');
      }
    }
  }

  /**
   * Removes each whiteout's path and subtree from the stack and returns the size dive gives each
   * whiteout: the sizes of the directory tree it removes, or 0 when the path is no directory.
   */
  private Map<String, Long> removeWhiteouts(List<UnixPath> whiteouts) {
    Map<String, Long> sizes = new LinkedHashMap<>();
    Set<String> dirs = new HashSet<>();
    for (UnixPath gone : whiteouts) {
      sizes.put(gone.value(), 0L);
      FileEntry node = stack.get(gone.value());
      if (node != null && node.isDirectory()) {
        dirs.add(gone.value());
      }
    }
    if (sizes.isEmpty()) {
      return sizes;
    }
    for (Iterator<Map.Entry<String, FileEntry>> it = stack.entrySet().iterator(); it.hasNext(); ) {
      Map.Entry<String, FileEntry> e = it.next();
      if (removes(e.getKey(), e.getValue(), sizes, dirs)) {
        it.remove();
      }
    }
    return sizes;
  }

  /**
   * True when a whiteout removes {@code path} (it names the path or an ancestor); adds the node's
   * size to every directory whiteout above it, as dive sizes each against the stack below.
   */
  private static boolean removes(
      String path, FileEntry node, Map<String, Long> sizes, Set<String> dirs) {
    boolean removed = sizes.containsKey(path);
    int slash = path.lastIndexOf('/');
    while (slash > 0) {
      String ancestor = path.substring(0, slash);
      if (sizes.containsKey(ancestor)) {
        removed = true;
        if (dirs.contains(ancestor) && !node.isDirectory()) {
          sizes.merge(ancestor, node.size(), Long::sum);
        }
      }
      slash = ancestor.lastIndexOf('/');
    }
    return removed;
  }

  private void tally(String path, long size) {
    Tally t = tallies.computeIfAbsent(path, p -> new Tally());
    t.cumulative += size;
    if (t.min < 0 || size < t.min) {
      t.min = size;
    }
    t.count++;
  }

  private DiveMetrics metrics(long size, long userSize) {
    long minimum = 0;
    long discovered = 0;
    long wasted = 0;
    List<DivePath> inefficient = new ArrayList<>();
    for (Map.Entry<String, Tally> e : tallies.entrySet()) {
      Tally t = e.getValue();
      minimum += t.min;
      discovered += t.cumulative;
      if (t.count >= 2) {
        wasted += t.cumulative;
        inefficient.add(new DivePath(e.getKey(), t.count, t.cumulative));
      }
    }
    inefficient.sort(
        Comparator.comparingLong(DivePath::cumulativeSize)
            .reversed()
            .thenComparing(DivePath::path));
    double efficiency = discovered == 0 ? 1.0 : (double) minimum / discovered;
    OptionalDouble userWasted =
        userSize == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) wasted / userSize);
    return new DiveMetrics(efficiency, wasted, userWasted, size, userSize, inefficient);
  }
}
