package dev.sizebot.diff;

import dev.sizebot.image.ImageConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/** The runtime config changes between two images, in a fixed field order, keys sorted. */
public final class ConfigDiff {
  private ConfigDiff() {}

  public static List<ConfigChange> between(ImageConfig base, ImageConfig head) {
    List<ConfigChange> out = new ArrayList<>();
    keyed(out, "env", env(base.env()), env(head.env()));
    single(out, "user", base.user(), head.user());
    single(out, "workdir", base.workingDir(), head.workingDir());
    single(out, "entrypoint", json(base.entrypoint()), json(head.entrypoint()));
    single(out, "cmd", json(base.cmd()), json(head.cmd()));
    keyed(out, "port", ports(base.exposedPorts()), ports(head.exposedPorts()));
    single(out, "healthcheck", healthcheck(base), healthcheck(head));
    keyed(out, "label", new TreeMap<>(base.labels()), new TreeMap<>(head.labels()));
    return List.copyOf(out);
  }

  private static void single(List<ConfigChange> out, String field, String base, String head) {
    if (!base.equals(head)) {
      out.add(new ConfigChange(field, Optional.empty(), present(base), present(head)));
    }
  }

  private static Optional<String> present(String value) {
    return value.isEmpty() ? Optional.empty() : Optional.of(value);
  }

  private static void keyed(
      List<ConfigChange> out, String field, Map<String, String> base, Map<String, String> head) {
    TreeSet<String> keys = new TreeSet<>(base.keySet());
    keys.addAll(head.keySet());
    for (String key : keys) {
      Optional<String> b = Optional.ofNullable(base.get(key));
      Optional<String> h = Optional.ofNullable(head.get(key));
      if (!b.equals(h)) {
        out.add(new ConfigChange(field, Optional.of(key), b, h));
      }
    }
  }

  // Later duplicates win, as the engine applies them.
  private static Map<String, String> env(List<String> env) {
    Map<String, String> map = new TreeMap<>();
    for (String e : env) {
      int eq = e.indexOf('=');
      map.put(eq < 0 ? e : e.substring(0, eq), eq < 0 ? "" : e.substring(eq + 1));
    }
    return map;
  }

  private static Map<String, String> ports(List<String> ports) {
    Map<String, String> map = new TreeMap<>();
    ports.forEach(p -> map.put(p, p));
    return map;
  }

  private static String healthcheck(ImageConfig config) {
    return config
        .healthcheck()
        .map(
            h ->
                json(h.test())
                    + h.interval().map(d -> " interval=" + d.toSeconds() + "s").orElse("")
                    + h.timeout().map(d -> " timeout=" + d.toSeconds() + "s").orElse("")
                    + h.startPeriod().map(d -> " start-period=" + d.toSeconds() + "s").orElse("")
                    + (h.retries() > 0 ? " retries=" + h.retries() : ""))
        .orElse("");
  }

  // Exec form as Docker shows it: ["a","b"]; an empty list is "not set".
  private static String json(List<String> words) {
    if (words.isEmpty()) {
      return "";
    }
    StringBuilder s = new StringBuilder("[");
    for (int i = 0; i < words.size(); i++) {
      s.append(i == 0 ? "" : ",").append('"');
      s.append(words.get(i).replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
    }
    return s.append(']').toString();
  }
}
