package dev.sizebot.report;

import dev.sizebot.analysis.Analysis;
import dev.sizebot.analysis.DiveMetrics;
import dev.sizebot.analysis.DivePath;
import dev.sizebot.analysis.Duplicate;
import dev.sizebot.analysis.LargeFile;
import dev.sizebot.analysis.LayerWaste;
import dev.sizebot.analysis.WastedFile;
import dev.sizebot.common.ByteSize;
import dev.sizebot.image.Image;
import dev.sizebot.image.Layer;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * {@code sizebot inspect} as GitHub-flavoured markdown. Everything that came from the image (tags,
 * instructions, paths, hashes) goes through {@link Markdown}.
 */
public final class InspectMarkdown {
  private InspectMarkdown() {}

  /** Renders one image; lists show at most {@code top} rows. */
  public static String render(Image image, Analysis analysis, int top) {
    StringBuilder md = new StringBuilder();
    headline(md, image, analysis);
    layers(md, image, analysis);
    largest(md, analysis, top);
    reclaimable(md, analysis, top);
    duplicates(md, analysis, top);
    dive(md, analysis, top);
    return md.toString();
  }

  private static void headline(StringBuilder md, Image image, Analysis analysis) {
    String name = image.tags().isEmpty() ? image.configDigest().toString() : image.tags().get(0);
    md.append("### 🐳 ")
        .append(Markdown.code(name))
        .append(" · ")
        .append(Markdown.text(image.config().platform()))
        .append("\n\n");
    md.append("| size | compressed | layers | files | reclaimable | duplicates |\n");
    md.append("|---:|---:|---:|---:|---:|---:|\n");
    md.append(
        row(
            human(image.size()),
            compressed(image.compressedSize(), allExact(image)),
            String.valueOf(image.layers().size()),
            String.valueOf(analysis.filesystem().files()),
            human(analysis.reclaimableBytes())
                + " ("
                + percent(analysis.reclaimableBytes(), image.size())
                + ")",
            human(analysis.duplicateBytes())));
    md.append("\n");
  }

  private static void layers(StringBuilder md, Image image, Analysis analysis) {
    md.append("#### Layers\n\n");
    md.append("| # | size | compressed | shipped, now dead | made dead | created by |\n");
    md.append("|---:|---:|---:|---:|---:|---|\n");
    for (Layer layer : image.layers()) {
      LayerWaste waste = analysis.layers().get(layer.position());
      String createdBy = CreatedBy.shorten(layer.history().createdBy());
      md.append(
          row(
              String.valueOf(layer.position()),
              human(layer.index().size()),
              compressed(layer.index().compressedBytes(), layer.index().compressedExact()),
              human(waste.shippedDead()),
              human(waste.madeDead()),
              createdBy.isEmpty() ? "*(no history)*" : Markdown.code(createdBy)));
    }
    if (!allExact(image)) {
      md.append("\n~ estimated: the size a gzip push would transfer.\n");
    }
    md.append("\n");
  }

  private static void largest(StringBuilder md, Analysis analysis, int top) {
    List<LargeFile> files = limit(analysis.filesystem().largest(), top);
    md.append("#### Largest files\n\n");
    if (files.isEmpty()) {
      md.append("No files.\n\n");
      return;
    }
    md.append("| size | path | layer |\n|---:|---|---:|\n");
    for (LargeFile f : files) {
      md.append(row(human(f.size()), Markdown.code(f.path().value()), "#" + f.layer()));
    }
    md.append("\n");
  }

  private static void reclaimable(StringBuilder md, Analysis analysis, int top) {
    List<WastedFile> wasted = analysis.reclaimable();
    md.append("#### Reclaimable: ").append(human(analysis.reclaimableBytes())).append("\n\n");
    if (wasted.isEmpty()) {
      md.append("Nothing: no layer overwrites or deletes bytes a lower layer shipped.\n\n");
      return;
    }
    md.append("Bytes a layer ships that an upper layer overwrites or deletes.\n\n");
    md.append("| bytes | path | shipped by | made dead by | how |\n|---:|---|---:|---:|---|\n");
    for (WastedFile w : limit(wasted, top)) {
      md.append(
          row(
              human(w.bytes()),
              Markdown.code(w.path().value()),
              "#" + w.addedBy(),
              "#" + w.removedBy(),
              w.cause().name().toLowerCase(Locale.ROOT).replace('_', ' ')));
    }
    more(md, wasted.size(), top, "paths");
  }

  private static void duplicates(StringBuilder md, Analysis analysis, int top) {
    List<Duplicate> dups = analysis.duplicates();
    md.append("#### Duplicates: ").append(human(analysis.duplicateBytes())).append(" savable\n\n");
    if (dups.isEmpty()) {
      md.append("No content is stored twice.\n\n");
      return;
    }
    md.append("| copies | size each | savable | paths |\n|---:|---:|---:|---|\n");
    for (Duplicate d : limit(dups, top)) {
      String paths =
          d.paths().stream().map(p -> Markdown.code(p.value())).collect(Collectors.joining(" "));
      md.append(row(String.valueOf(d.paths().size()), human(d.size()), human(d.savable()), paths));
    }
    more(md, dups.size(), top, "duplicated contents");
  }

  private static void dive(StringBuilder md, Analysis analysis, int top) {
    DiveMetrics dive = analysis.dive();
    md.append("#### dive metrics\n\n");
    md.append("By dive's own definitions, for comparison. dive's wasted bytes add up every version")
        .append(" of each path seen in two or more layers, live or dead; sizebot's reclaimable")
        .append(" bytes count each dead byte once.\n\n");
    String ratio =
        dive.userWastedRatio().isPresent()
            ? String.format(Locale.ROOT, "%.2f %%", 100 * dive.userWastedRatio().getAsDouble())
            : "n/a";
    md.append("| metric | value |\n|---|---:|\n");
    md.append(row("dive efficiency", String.format(Locale.ROOT, "%.4f", dive.efficiency())));
    md.append(row("dive wasted bytes", human(dive.wastedBytes())));
    md.append(row("dive user wasted (of the layers above the first)", ratio));
    md.append(row("sizebot reclaimable", human(analysis.reclaimableBytes())));
    List<DivePath> paths = limit(dive.inefficiencies(), top);
    if (!paths.isEmpty()) {
      md.append("\n| count | dive wasted | path |\n|---:|---:|---|\n");
      for (DivePath p : paths) {
        md.append(
            row(String.valueOf(p.count()), human(p.cumulativeSize()), Markdown.code(p.path())));
      }
      more(md, dive.inefficiencies().size(), top, "paths");
    } else {
      md.append("\n");
    }
  }

  private static boolean allExact(Image image) {
    return image.layers().stream().allMatch(l -> l.index().compressedExact());
  }

  private static String compressed(long bytes, boolean exact) {
    return (exact ? "" : "~") + human(bytes);
  }

  private static String human(long bytes) {
    return ByteSize.of(bytes).human();
  }

  private static String percent(long part, long whole) {
    return whole == 0 ? "n/a" : String.format(Locale.ROOT, "%.1f %%", 100.0 * part / whole);
  }

  private static <T> List<T> limit(List<T> list, int top) {
    return list.subList(0, Math.min(top, list.size()));
  }

  private static void more(StringBuilder md, int size, int top, String what) {
    if (size > top) {
      md.append("\n…and ")
          .append(size - top)
          .append(" more ")
          .append(what)
          .append(" (raise `--top` to list them).\n");
    }
    md.append("\n");
  }

  private static String row(String... cells) {
    return "| " + String.join(" | ", cells) + " |\n";
  }
}
