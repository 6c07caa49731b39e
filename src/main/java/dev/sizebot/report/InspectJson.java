package dev.sizebot.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sizebot.analysis.Analysis;
import dev.sizebot.analysis.DiveMetrics;
import dev.sizebot.analysis.DivePath;
import dev.sizebot.analysis.Duplicate;
import dev.sizebot.analysis.LargeFile;
import dev.sizebot.analysis.LayerWaste;
import dev.sizebot.analysis.WastedFile;
import dev.sizebot.image.Image;
import dev.sizebot.image.Layer;
import java.util.List;
import java.util.Locale;

/**
 * {@code sizebot inspect --format json}. The shape is documented in {@code docs/inspect-json.md}
 * and versioned by {@code schemaVersion}; fields are only ever added within a version. Sizes are
 * bytes; layer numbers are positions from the base (0); lists hold at most {@code top} items and
 * each has a total beside it.
 */
public final class InspectJson {
  public static final int SCHEMA_VERSION = 1;

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private InspectJson() {}

  public static String render(Image image, Analysis analysis, int top) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("schemaVersion", SCHEMA_VERSION);
    root.put("kind", "inspect");
    root.set("image", image(image));
    root.set("filesystem", filesystem(analysis));
    root.set("layers", layers(image, analysis));
    root.set("largestFiles", largest(analysis, top));
    root.set("reclaimable", reclaimable(analysis, top));
    root.set("duplicates", duplicates(analysis, top));
    root.set("dive", dive(analysis.dive(), top));
    DefaultPrettyPrinter printer =
        new DefaultPrettyPrinter()
            .withSeparators(
                Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n"));
    try {
      return MAPPER.writer(printer).writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a tree of plain nodes always serializes", e);
    }
  }

  private static ObjectNode image(Image image) {
    ObjectNode node = MAPPER.createObjectNode();
    ArrayNode tags = node.putArray("tags");
    image.tags().forEach(tags::add);
    node.put("id", image.configDigest().toString());
    node.put("platform", image.config().platform());
    node.put("size", image.size());
    node.put("compressedSize", image.compressedSize());
    node.put("compressedExact", image.layers().stream().allMatch(l -> l.index().compressedExact()));
    return node;
  }

  private static ObjectNode filesystem(Analysis analysis) {
    ObjectNode fs = MAPPER.createObjectNode();
    fs.put("files", analysis.filesystem().files());
    fs.put("directories", analysis.filesystem().directories());
    fs.put("symlinks", analysis.filesystem().symlinks());
    fs.put("hardlinks", analysis.filesystem().hardlinks());
    fs.put("others", analysis.filesystem().others());
    fs.put("bytes", analysis.filesystem().bytes());
    return fs;
  }

  private static ArrayNode layers(Image image, Analysis analysis) {
    ArrayNode out = MAPPER.createArrayNode();
    for (Layer layer : image.layers()) {
      LayerWaste waste = analysis.layers().get(layer.position());
      ObjectNode node = out.addObject();
      node.put("position", layer.position());
      node.put("diffId", layer.diffId().toString());
      node.put("size", layer.index().size());
      node.put("tarBytes", layer.index().tarBytes());
      node.put("compressedSize", layer.index().compressedBytes());
      node.put("compressedExact", layer.index().compressedExact());
      node.put("entries", layer.index().entries().size());
      node.put("createdBy", layer.history().createdBy());
      node.put("instruction", CreatedBy.shorten(layer.history().createdBy()));
      node.put("shippedDeadBytes", waste.shippedDead());
      node.put("madeDeadBytes", waste.madeDead());
    }
    return out;
  }

  private static ArrayNode largest(Analysis analysis, int top) {
    ArrayNode out = MAPPER.createArrayNode();
    for (LargeFile f : limit(analysis.filesystem().largest(), top)) {
      out.addObject().put("path", f.path().value()).put("size", f.size()).put("layer", f.layer());
    }
    return out;
  }

  private static ObjectNode reclaimable(Analysis analysis, int top) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("bytes", analysis.reclaimableBytes());
    node.put("pathCount", analysis.reclaimable().size());
    ArrayNode paths = node.putArray("paths");
    for (WastedFile w : limit(analysis.reclaimable(), top)) {
      paths
          .addObject()
          .put("path", w.path().value())
          .put("bytes", w.bytes())
          .put("addedBy", w.addedBy())
          .put("removedBy", w.removedBy())
          .put("cause", w.cause().name().toLowerCase(Locale.ROOT));
    }
    return node;
  }

  private static ObjectNode duplicates(Analysis analysis, int top) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("savableBytes", analysis.duplicateBytes());
    node.put("groupCount", analysis.duplicates().size());
    ArrayNode groups = node.putArray("groups");
    for (Duplicate d : limit(analysis.duplicates(), top)) {
      ObjectNode group = groups.addObject();
      group.put("contentHash", d.contentHash());
      group.put("size", d.size());
      group.put("savableBytes", d.savable());
      ArrayNode paths = group.putArray("paths");
      d.paths().forEach(p -> paths.add(p.value()));
    }
    return node;
  }

  private static ObjectNode dive(DiveMetrics dive, int top) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("efficiency", dive.efficiency());
    node.put("wastedBytes", dive.wastedBytes());
    if (dive.userWastedRatio().isPresent()) {
      node.put("userWastedRatio", dive.userWastedRatio().getAsDouble());
    } else {
      node.putNull("userWastedRatio");
    }
    node.put("sizeBytes", dive.sizeBytes());
    node.put("userSizeBytes", dive.userSizeBytes());
    node.put("inefficientPathCount", dive.inefficiencies().size());
    ArrayNode paths = node.putArray("inefficientPaths");
    for (DivePath p : limit(dive.inefficiencies(), top)) {
      paths
          .addObject()
          .put("path", p.path())
          .put("count", p.count())
          .put("cumulativeSize", p.cumulativeSize());
    }
    return node;
  }

  private static <T> List<T> limit(List<T> list, int top) {
    return list.subList(0, Math.min(top, list.size()));
  }
}
