package dev.sizebot.analysis;

import dev.sizebot.common.UnixPath;
import dev.sizebot.image.FileEntry;
import dev.sizebot.image.Layer;
import dev.sizebot.image.LayerIndex;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

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
  // Sizes in the maps below; a directory is marked by a negative size.
  private static final long DIRECTORY = -1;
  private static final long IMPLIED = 0;

  private static final class Tally {
    long min = -1;
    long cumulative;
    int count;
  }

  /** dive's stacked tree of the layers seen so far: path → size, or DIRECTORY. */
  private final TreeMap<String, Long> stack = new TreeMap<>();

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
    Map<String, Long> nodes = new HashMap<>();
    long size = 0;
    for (FileEntry entry : index.entries()) {
      size += entry.size();
      if (!entry.path().isRoot()) {
        nodes.put(entry.path().value(), entry.isDirectory() ? DIRECTORY : entry.size());
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
    for (UnixPath gone : index.whiteouts()) {
      tally(gone.value(), removedSize(gone.value()));
    }
    nodes.forEach(
        (path, nodeSize) -> {
          if (!parents.contains(path)) {
            tally(path, Math.max(0, nodeSize));
          }
        });
    for (UnixPath gone : index.whiteouts()) {
      stack.remove(gone.value());
      below(gone.value()).clear();
    }
    stack.putAll(nodes);
    implied.forEach(path -> stack.put(path, IMPLIED));
    return size;
  }

  private static List<String> paths(List<UnixPath> paths) {
    return paths.stream().map(UnixPath::value).toList();
  }

  /** Collects every ancestor (they have children, so are no leaves) and the implied ones. */
  private static void markAncestors(
      Iterable<String> paths, Map<String, Long> nodes, Set<String> parents, List<String> implied) {
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

  /** dive sizes a whiteout by the lower directory tree it removes; a removed file counts 0. */
  private long removedSize(String path) {
    Long node = stack.get(path);
    if (node == null || node != DIRECTORY) {
      return 0;
    }
    long sum = 0;
    for (long size : below(path).values()) {
      sum += Math.max(0, size);
    }
    return sum;
  }

  private SortedMap<String, Long> below(String dir) {
    return stack.subMap(dir + "/", dir + "0");
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
