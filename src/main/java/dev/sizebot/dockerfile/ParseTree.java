package dev.sizebot.dockerfile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The model as a plain tree of maps, lists, strings, numbers and booleans, for {@code sizebot
 * parse} and for golden files. Per instruction: {@code keyword}, {@code flags}, {@code args} (split
 * as BuildKit's parser splits them), {@code json}, {@code heredocs}, {@code range}, the original
 * {@code text} and the typed, {@code expanded} values.
 */
public final class ParseTree {
  private ParseTree() {}

  public static Map<String, Object> of(Dockerfile file) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("escape", String.valueOf(file.escape()));
    List<Object> directives = new ArrayList<>();
    for (Directive d : file.directives()) {
      directives.add(map("name", d.name(), "value", d.value(), "line", d.line()));
    }
    root.put("directives", directives);
    root.put("globalArgs", file.globalArgs().stream().map(ParseTree::instruction).toList());
    List<Object> stages = new ArrayList<>();
    for (Stage s : file.stages()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("index", s.index());
      m.put("name", s.name().orElse(null));
      m.put("baseImage", s.from().image());
      m.put("from", instruction(s.from()));
      m.put("instructions", s.instructions().stream().map(ParseTree::instruction).toList());
      stages.add(m);
    }
    root.put("stages", stages);
    return root;
  }

  static Map<String, Object> instruction(Instruction i) {
    Map<String, Object> m = node(i.node());
    Map<String, Object> expanded = Expanded.of(i);
    if (!expanded.isEmpty()) {
      m.put("expanded", expanded);
    }
    if (i instanceof Onbuild o) {
      m.put("trigger", instruction(o.trigger()));
    }
    return m;
  }

  private static Map<String, Object> node(Node n) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("keyword", n.keyword());
    m.put("flags", n.flags());
    m.put("args", n.args());
    m.put("json", n.json());
    if (!n.heredocs().isEmpty()) {
      m.put("heredocs", n.heredocs().stream().map(ParseTree::heredoc).toList());
    }
    SourceRange r = n.range();
    m.put(
        "range",
        map(
            "startLine", r.startLine(),
            "startColumn", r.startColumn(),
            "endLine", r.endLine(),
            "endColumn", r.endColumn()));
    m.put("text", n.text());
    return m;
  }

  static Map<String, Object> heredoc(Heredoc h) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", h.name());
    m.put("fd", h.fileDescriptor());
    m.put("expand", h.expand());
    m.put("chomp", h.chomp());
    m.put("content", h.content());
    return m;
  }

  static Map<String, Object> map(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }
}
