package dev.sizebot.diff;

import dev.sizebot.common.UnixPath;
import dev.sizebot.image.FileEntry;
import dev.sizebot.image.LayerIndex;
import java.util.Collections;
import java.util.List;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The final filesystem of an image as the file diff needs it: every surviving non-directory entry
 * and the step that last wrote it. Layers stack with OCI whiteout semantics (image spec, layer.md
 * "Whiteouts"): an opaque dir hides everything below it from lower layers, {@code .wh.x} deletes
 * {@code x} and, for a directory, all below it; then the layer's own entries apply.
 */
public final class FinalFiles {
  /** A surviving entry: its bytes, content hash and the step that last wrote it. */
  public record File(FileEntry entry, Step step) {}

  private final NavigableMap<String, File> files;

  private FinalFiles(NavigableMap<String, File> files) {
    this.files = files;
  }

  /** Stacks the layers of {@code steps} (empty-layer steps contribute nothing). */
  public static FinalFiles of(List<Step> steps) {
    NavigableMap<String, File> files = new TreeMap<>();
    for (Step step : steps) {
      if (step.layer().isEmpty()) {
        continue;
      }
      LayerIndex index = step.layer().get().index();
      for (UnixPath dir : index.opaqueDirs()) {
        below(files, dir).clear();
      }
      for (UnixPath gone : index.whiteouts()) {
        files.remove(gone.value());
        below(files, gone).clear();
      }
      for (FileEntry entry : index.entries()) {
        if (entry.isDirectory()) {
          files.remove(entry.path().value()); // a directory replacing a file
          continue;
        }
        files.put(entry.path().value(), new File(entry, step));
      }
    }
    return new FinalFiles(files);
  }

  // Everything strictly below dir: keys from "dir/" up to (excluding) "dir0" ('0' follows '/').
  private static NavigableMap<String, File> below(NavigableMap<String, File> files, UnixPath dir) {
    String prefix = dir.isRoot() ? "/" : dir.value() + "/";
    String end = dir.isRoot() ? "0" : dir.value() + "0";
    return files.subMap(prefix, true, end, false);
  }

  public Optional<File> get(String path) {
    return Optional.ofNullable(files.get(path));
  }

  /** Path → file, in path order. */
  public NavigableMap<String, File> files() {
    return Collections.unmodifiableNavigableMap(files);
  }

  public int count() {
    return files.size();
  }
}
