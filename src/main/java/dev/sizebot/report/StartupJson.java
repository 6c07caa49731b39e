package dev.sizebot.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sizebot.common.ByteSize;
import dev.sizebot.startup.RunOutcome;
import dev.sizebot.startup.RunSample;
import dev.sizebot.startup.Spread;
import dev.sizebot.startup.StartupFailure;
import dev.sizebot.startup.StartupResult;
import java.time.Duration;
import java.util.Optional;

/** The {@code startup} part of the compare JSON: per side, spreads in ms/bytes and every run. */
final class StartupJson {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private StartupJson() {}

  static ObjectNode of(StartupComparison s) {
    ObjectNode n = NODES.objectNode();
    n.put("probe", s.head().probe().toString());
    n.put("runs", s.head().runsRequested());
    n.set("base", side(s.base()));
    n.set("head", side(s.head()));
    return n;
  }

  private static ObjectNode side(StartupResult r) {
    ObjectNode n = NODES.objectNode();
    n.put("succeeded", r.succeeded());
    n.set("timeToReadyMs", r.timeToReady().map(StartupJson::millis).orElse(null));
    n.set("memoryBytes", bytes(r.memory()));
    n.set("peakMemoryBytes", bytes(r.peakMemory()));
    ArrayNode runs = n.putArray("runs");
    for (RunOutcome outcome : r.runs()) {
      ObjectNode run = runs.addObject();
      if (outcome instanceof RunSample sample) {
        run.put("run", sample.run());
        run.put("ready", true);
        run.put("timeToReadyMs", sample.timeToReady().toMillis());
        run.put("memoryBytes", sample.memory().map(ByteSize::bytes).orElse(null));
        run.put("peakMemoryBytes", sample.peakMemory().map(ByteSize::bytes).orElse(null));
      } else if (outcome instanceof StartupFailure failure) {
        run.put("run", failure.run());
        run.put("ready", false);
        run.put("reason", failure.reason().name().toLowerCase(java.util.Locale.ROOT));
        run.put("message", failure.message());
        run.put("afterMs", failure.after().toMillis());
        failure.exitCode().ifPresent(code -> run.put("exitCode", code));
        ArrayNode lines = run.putArray("lastLogLines");
        failure.lastLogLines().forEach(lines::add);
      }
    }
    return n;
  }

  private static ObjectNode millis(Spread<Duration> s) {
    ObjectNode n = NODES.objectNode();
    n.put("median", s.median().toMillis());
    n.put("min", s.min().toMillis());
    n.put("max", s.max().toMillis());
    n.put("count", s.count());
    return n;
  }

  private static ObjectNode bytes(Optional<Spread<ByteSize>> spread) {
    if (spread.isEmpty()) {
      return null;
    }
    Spread<ByteSize> s = spread.get();
    ObjectNode n = NODES.objectNode();
    n.put("median", s.median().bytes());
    n.put("min", s.min().bytes());
    n.put("max", s.max().bytes());
    n.put("count", s.count());
    return n;
  }
}
