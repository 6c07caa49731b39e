package dev.sizebot.diff;

import dev.sizebot.image.HistoryEntry;
import dev.sizebot.image.Image;
import dev.sizebot.image.Layer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Turns an image into its build steps: history entries paired with the layers they made. */
public final class Steps {
  private Steps() {}

  /** The steps of {@code image}, split into base-image and build steps when {@code build} says. */
  public static List<Step> of(Image image, Optional<BuildSteps> build) {
    List<Entry> entries = pair(image);
    int ownEnd =
        entries.size()
            - (build.isPresent() && !build.get().endsWithLabel() ? buildLabels(entries) : 0);
    int own = build.map(BuildSteps::count).orElse(ownEnd);
    int firstOwn = Math.max(0, ownEnd - own);
    List<Step> steps = new ArrayList<>(entries.size());
    for (int i = 0; i < entries.size(); i++) {
      Entry e = entries.get(i);
      Optional<Integer> line = Optional.empty();
      if (build.isPresent() && i >= firstOwn && i < ownEnd) {
        List<Integer> lines = build.get().lines();
        line = Optional.of(lines.get(lines.size() - (ownEnd - i)));
      }
      boolean fromBase = build.isPresent() && i < firstOwn;
      steps.add(new Step(i, CreatedBy.of(e.history().createdBy()), e.layer(), fromBase, line));
    }
    return List.copyOf(steps);
  }

  /**
   * The classic builder appends one empty {@code LABEL} history entry per {@code docker build
   * --label} after the Dockerfile's last instruction; when that instruction is not a LABEL, such
   * trailing entries belong to the build command, not to a line, and must not shift the lines.
   */
  private static int buildLabels(List<Entry> entries) {
    int count = 0;
    for (int i = entries.size() - 1; i >= 0; i--) {
      Entry e = entries.get(i);
      boolean label =
          e.layer().isEmpty()
              && e.history().emptyLayer()
              && CreatedBy.of(e.history().createdBy()).keyword().equals("LABEL");
      if (!label) {
        break;
      }
      count++;
    }
    return count;
  }

  private record Entry(HistoryEntry history, Optional<Layer> layer) {}

  // Non-empty history entries take the layers in order (OCI image spec, config.md "history").
  // Images with missing or short history still show every layer, via the layer's own entry.
  private static List<Entry> pair(Image image) {
    List<Entry> entries = new ArrayList<>();
    int next = 0;
    for (HistoryEntry h : image.history()) {
      if (h.emptyLayer() || next >= image.layers().size()) {
        entries.add(new Entry(h, Optional.empty()));
      } else {
        entries.add(new Entry(h, Optional.of(image.layers().get(next++))));
      }
    }
    for (; next < image.layers().size(); next++) {
      Layer layer = image.layers().get(next);
      entries.add(new Entry(layer.history(), Optional.of(layer)));
    }
    return entries;
  }
}
