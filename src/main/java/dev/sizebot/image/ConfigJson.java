package dev.sizebot.image;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sizebot.common.Digest;
import dev.sizebot.common.SizebotException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads an image config blob (OCI image spec, config.md; Docker's superset of it). */
record ConfigJson(ImageConfig config, List<HistoryEntry> history, List<Digest> diffIds) {
  static ConfigJson parse(JsonNode root, String where) {
    if (!root.isObject()) {
      throw SizebotException.invalidInput(where + " is not an image config (not a JSON object)");
    }
    JsonNode c = root.path("config");
    JsonNode health = c.path("Healthcheck");
    ImageConfig config =
        new ImageConfig(
            text(root, "os", "linux"),
            text(root, "architecture", "amd64"),
            Optional.ofNullable(root.path("variant").textValue()).filter(v -> !v.isEmpty()),
            strings(c.path("Env")),
            text(c, "User", ""),
            text(c, "WorkingDir", ""),
            strings(c.path("Entrypoint")),
            strings(c.path("Cmd")),
            keys(c.path("ExposedPorts")),
            health.isObject() ? Optional.of(healthcheck(health)) : Optional.empty(),
            labels(c.path("Labels")));
    List<HistoryEntry> history = new ArrayList<>();
    for (JsonNode h : root.path("history")) {
      history.add(
          new HistoryEntry(
              text(h, "created_by", ""),
              h.path("empty_layer").asBoolean(false),
              instant(h.path("created").textValue()),
              Optional.ofNullable(h.path("comment").textValue())));
    }
    List<Digest> diffIds = new ArrayList<>();
    JsonNode ids = root.path("rootfs").path("diff_ids");
    if (!ids.isArray()) {
      throw SizebotException.invalidInput(where + " has no rootfs.diff_ids: not an image config");
    }
    for (JsonNode id : ids) {
      diffIds.add(Digest.parse(id.asText()));
    }
    return new ConfigJson(config, history, diffIds);
  }

  /** Pairs history with layers: entries marked {@code empty_layer} made no layer. */
  List<HistoryEntry> layerHistory() {
    List<HistoryEntry> made = new ArrayList<>();
    for (HistoryEntry h : history) {
      if (!h.emptyLayer()) {
        made.add(h);
      }
    }
    // Configs without (enough) history still get one entry per layer.
    while (made.size() < diffIds.size()) {
      made.add(new HistoryEntry("", false, Optional.empty(), Optional.empty()));
    }
    return made.subList(0, diffIds.size());
  }

  private static ImageConfig.Healthcheck healthcheck(JsonNode h) {
    return new ImageConfig.Healthcheck(
        strings(h.path("Test")),
        nanos(h.path("Interval")),
        nanos(h.path("Timeout")),
        nanos(h.path("StartPeriod")),
        h.path("Retries").asInt(0));
  }

  private static Optional<Duration> nanos(JsonNode n) {
    return n.isNumber() && n.asLong() > 0
        ? Optional.of(Duration.ofNanos(n.asLong()))
        : Optional.empty();
  }

  private static Optional<Instant> instant(String text) {
    if (text == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(OffsetDateTime.parse(text).toInstant());
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static String text(JsonNode node, String field, String fallback) {
    String value = node.path(field).textValue();
    return value == null ? fallback : value;
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    for (JsonNode n : array) {
      out.add(n.asText());
    }
    return out;
  }

  private static List<String> keys(JsonNode object) {
    List<String> out = new ArrayList<>();
    object.fieldNames().forEachRemaining(out::add);
    out.sort(null);
    return out;
  }

  private static Map<String, String> labels(JsonNode object) {
    Map<String, String> out = new LinkedHashMap<>();
    object.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
    return out;
  }
}
