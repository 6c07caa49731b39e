package dev.sizebot.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sizebot.diff.BaseImageDrift;
import dev.sizebot.diff.ConfigChange;
import dev.sizebot.diff.FileChange;
import dev.sizebot.diff.FileDiff;
import dev.sizebot.diff.ImageDiff;
import dev.sizebot.diff.ImageSummary;
import dev.sizebot.diff.Percent;
import dev.sizebot.diff.Step;
import dev.sizebot.diff.StepChange;
import dev.sizebot.diff.StepRef;
import java.util.Locale;
import java.util.Optional;

/**
 * The JSON form of a {@link CompareReport} ({@code schemaVersion} 1): every number of the markdown
 * and more (all steps, unchanged ones included, with digests). Field names are stable; absent
 * values are {@code null}, never left out, so consumers can rely on the shape.
 */
public final class CompareJson {
  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private CompareJson() {}

  public static String render(CompareReport report) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("schemaVersion", CompareReport.SCHEMA_VERSION);
    root.put("kind", "compare");
    root.set("base", compared(report.base(), report.diff().map(ImageDiff::base)));
    root.set("head", compared(report.head(), report.diff().map(ImageDiff::head)));
    ArrayNode failures = root.putArray("failures");
    report.failures().forEach(f -> failures.add(failure(f)));
    report.diff().ifPresentOrElse(d -> diff(root, d), () -> root.putNull("delta"));
    root.set("startup", report.startup().map(StartupJson::of).orElse(null));
    try {
      return MAPPER.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot render JSON report", e);
    }
  }

  // Two decimals are plenty for a percentage and keep the JSON stable across platforms.
  private static Double rounded(Optional<Double> percent) {
    return percent.map(p -> Math.round(p * 100) / 100.0).orElse(null);
  }

  private static ObjectNode compared(Compared c, Optional<ImageSummary> image) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("label", c.label());
    n.put("source", c.source());
    n.put("commit", c.commit().orElse(null));
    image.ifPresentOrElse(i -> n.set("image", summary(i)), () -> n.putNull("image"));
    return n;
  }

  private static ObjectNode summary(ImageSummary s) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("id", s.id().toString());
    ArrayNode tags = n.putArray("tags");
    s.tags().forEach(tags::add);
    n.put("platform", s.platform());
    n.put("size", s.size());
    n.put("compressedSize", s.compressedSize());
    n.put("compressedExact", s.compressedExact());
    n.put("layers", s.layers());
    n.put("steps", s.steps());
    n.put("files", s.files());
    n.put("wastedBytes", s.wastedBytes().orElse(null));
    return n;
  }

  private static ObjectNode failure(BuildFailure f) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("side", f.side());
    n.put("line", f.line().orElse(null));
    n.put("step", f.step().orElse(null));
    n.put("exitCode", f.exitCode());
    n.put("stepExitCode", f.stepExitCode().orElse(null));
    n.put("summary", f.summary());
    ArrayNode lines = n.putArray("lastLines");
    f.lastLines().forEach(lines::add);
    return n;
  }

  private static void diff(ObjectNode root, ImageDiff d) {
    ObjectNode delta = root.putObject("delta");
    delta.put("bytes", d.delta());
    delta.put("percent", rounded(d.percent()));
    delta.put("compressedBytes", d.compressedDelta());
    delta.put("buildBytes", d.buildDelta());
    delta.put("wastedBytes", d.wasteDelta().orElse(null));
    root.set("drift", drift(d.drift()));
    ArrayNode steps = root.putArray("steps");
    d.steps().forEach(s -> steps.add(step(s)));
    root.set("files", files(d.files()));
    ArrayNode config = root.putArray("config");
    d.config().forEach(c -> config.add(config(c)));
  }

  private static ObjectNode drift(BaseImageDrift drift) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("known", drift.known());
    n.put("drifted", drift.drifted());
    n.put("baseSize", drift.baseSize());
    n.put("headSize", drift.headSize());
    n.put("deltaBytes", drift.delta());
    n.put("percent", rounded(Percent.of(drift.baseSize(), drift.headSize())));
    n.put("compressedDeltaBytes", drift.compressedDelta());
    return n;
  }

  private static ObjectNode step(StepChange c) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("match", c.match().name().toLowerCase(Locale.ROOT));
    n.put("fromBaseImage", c.fromBaseImage());
    side(n, "base", c.base());
    side(n, "head", c.head());
    n.put("deltaBytes", c.delta());
    n.put("percent", rounded(c.percent()));
    n.put("compressedDeltaBytes", c.compressedDelta());
    return n;
  }

  private static void side(ObjectNode parent, String name, Optional<Step> step) {
    if (step.isEmpty()) {
      parent.putNull(name);
      return;
    }
    Step s = step.get();
    ObjectNode n = parent.putObject(name);
    n.put("index", s.index());
    n.put("instruction", s.instruction().text());
    n.put("line", s.line().orElse(null));
    n.put("emptyLayer", s.layer().isEmpty());
    n.put("diffId", s.diffId().map(Object::toString).orElse(null));
    n.put("size", s.size());
    n.put("compressedSize", s.compressedSize());
    n.put("compressedExact", s.compressedExact());
  }

  private static ObjectNode files(FileDiff f) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("total", f.total());
    n.put("deltaBytes", f.delta());
    ObjectNode kinds = n.putObject("kinds");
    for (FileDiff.KindTotal k : f.kinds()) {
      ObjectNode kn = kinds.putObject(k.kind().name().toLowerCase(Locale.ROOT));
      kn.put("count", k.count());
      kn.put("deltaBytes", k.delta());
    }
    ArrayNode largest = n.putArray("largest");
    f.largest().forEach(c -> largest.add(file(c)));
    ArrayNode dirs = n.putArray("directories");
    f.directories()
        .forEach(
            d -> {
              ObjectNode dn = dirs.addObject();
              dn.put("directory", d.directory().value());
              dn.put("added", d.added());
              dn.put("removed", d.removed());
              dn.put("changed", d.changed());
              dn.put("baseBytes", d.baseBytes());
              dn.put("headBytes", d.headBytes());
              dn.put("deltaBytes", d.delta());
            });
    return n;
  }

  private static ObjectNode file(FileChange c) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("path", c.path().value());
    n.put("kind", c.kind().name().toLowerCase(Locale.ROOT));
    n.put("baseSize", c.baseSize());
    n.put("headSize", c.headSize());
    n.put("deltaBytes", c.delta());
    stepRef(n, "baseStep", c.baseStep());
    stepRef(n, "headStep", c.headStep());
    return n;
  }

  private static void stepRef(ObjectNode parent, String name, Optional<StepRef> ref) {
    if (ref.isEmpty()) {
      parent.putNull(name);
      return;
    }
    ObjectNode n = parent.putObject(name);
    n.put("index", ref.get().index());
    n.put("instruction", ref.get().instruction());
    n.put("line", ref.get().line().orElse(null));
  }

  private static ObjectNode config(ConfigChange c) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("field", c.field());
    n.put("key", c.key().orElse(null));
    n.put("base", c.base().orElse(null));
    n.put("head", c.head().orElse(null));
    return n;
  }
}
