package dev.sizebot.dockerfile;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The typed (and, where BuildKit expands, expanded) values of an instruction, as a tree. */
final class Expanded {
  private Expanded() {}

  static Map<String, Object> of(Instruction instruction) {
    Map<String, Object> m = new LinkedHashMap<>();
    if (!build(instruction, m)) {
      config(instruction, m);
    }
    return m;
  }

  /** FROM, RUN, COPY and ADD; false for other instructions. */
  private static boolean build(Instruction instruction, Map<String, Object> m) {
    if (instruction instanceof From f) {
      m.put("image", f.image());
      f.stageName().ifPresent(v -> m.put("stageName", v));
      f.platform().ifPresent(v -> m.put("platform", v));
    } else if (instruction instanceof Run r) {
      m.put("mounts", r.mounts().stream().map(Expanded::mount).toList());
      r.network().ifPresent(v -> m.put("network", v));
      r.security().ifPresent(v -> m.put("security", v));
      m.put("shellAnalyzed", r.shellAnalyzed());
      m.put("commands", r.commands().stream().map(Expanded::command).toList());
    } else if (instruction instanceof Copy c) {
      m.put("sources", c.sources());
      m.put("destination", c.destination());
      c.from().ifPresent(v -> m.put("from", v));
      c.chown().ifPresent(v -> m.put("chown", v));
      c.chmod().ifPresent(v -> m.put("chmod", v));
      m.put("link", c.link());
      putIfAny(m, "excludes", c.excludes());
      contents(m, c.sourceContents());
    } else if (instruction instanceof Add a) {
      m.put("sources", a.sources());
      m.put("destination", a.destination());
      a.chown().ifPresent(v -> m.put("chown", v));
      a.chmod().ifPresent(v -> m.put("chmod", v));
      m.put("link", a.link());
      a.checksum().ifPresent(v -> m.put("checksum", v));
      putIfAny(m, "excludes", a.excludes());
      contents(m, a.sourceContents());
    } else {
      return false;
    }
    return true;
  }

  /** The instructions that set config or variables. */
  private static void config(Instruction instruction, Map<String, Object> m) {
    if (instruction instanceof Env e) {
      m.put("pairs", pairs(e.pairs()));
    } else if (instruction instanceof Label l) {
      m.put("pairs", pairs(l.pairs()));
    } else if (instruction instanceof Arg a) {
      m.put(
          "entries",
          a.entries().stream()
              .map(e -> ParseTree.map("name", e.name(), "default", e.defaultValue().orElse(null)))
              .toList());
    } else if (instruction instanceof User u) {
      m.put("user", u.user());
    } else if (instruction instanceof Workdir w) {
      m.put("path", w.path());
    } else if (instruction instanceof StopSignal s) {
      m.put("signal", s.signal());
    } else if (instruction instanceof Maintainer mt) {
      m.put("name", mt.name());
    } else if (instruction instanceof Expose e) {
      m.put("ports", e.ports());
    } else if (instruction instanceof Volume v) {
      m.put("paths", v.paths());
    } else if (instruction instanceof Shell s) {
      m.put("shell", s.shell());
    } else if (instruction instanceof Cmd c) {
      m.put("command", invocation(c.command()));
    } else if (instruction instanceof Entrypoint e) {
      m.put("command", invocation(e.command()));
    } else if (instruction instanceof Healthcheck h) {
      m.put("command", h.command().map(Expanded::invocation).orElse(null));
    }
  }

  private static void putIfAny(Map<String, Object> m, String key, List<String> values) {
    if (!values.isEmpty()) {
      m.put(key, values);
    }
  }

  private static void contents(Map<String, Object> m, List<Heredoc> contents) {
    if (!contents.isEmpty()) {
      m.put("sourceContents", contents.stream().map(ParseTree::heredoc).toList());
    }
  }

  private static List<Object> pairs(List<KeyValue> pairs) {
    return pairs.stream()
        .map(p -> (Object) ParseTree.map("key", p.key(), "value", p.value()))
        .toList();
  }

  private static Map<String, Object> invocation(Invocation i) {
    return ParseTree.map("exec", i.exec(), "args", i.args());
  }

  private static Map<String, Object> mount(Mount mount) {
    return ParseTree.map("type", mount.type(), "options", mount.options());
  }

  private static Map<String, Object> command(ShellCommand c) {
    Map<String, Object> m = new LinkedHashMap<>();
    if (!c.assignments().isEmpty()) {
      m.put("assignments", c.assignments());
    }
    m.put("words", c.words());
    if (!c.redirects().isEmpty()) {
      m.put("redirects", c.redirects());
    }
    return m;
  }
}
