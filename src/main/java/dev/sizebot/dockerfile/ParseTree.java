package dev.sizebot.dockerfile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The model as a plain tree of maps, lists, strings, numbers and booleans, for {@code sizebot
 * parse} and for golden files. Per instruction: {@code keyword}, {@code flags}, {@code args} (split
 * as BuildKit's parser splits them), {@code json}, {@code heredocs}, {@code range}, the original
 * {@code text} and the typed, {@code expanded} values. An instruction that would not build keeps
 * its syntax, loses {@code expanded} when it could not be typed, and gets {@code errors} (message,
 * line, column, endLine, endColumn, fix); non-ARG instructions before the first FROM are listed
 * under {@code beforeFirstFrom}.
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
    List<Node> global = new ArrayList<>();
    List<Node> strays = new ArrayList<>();
    for (InvalidInstruction i : file.invalid()) {
      if (i.stage().isEmpty()) {
        (i.node().keyword().equals("arg") ? global : strays).add(i.node());
      }
    }
    root.put("globalArgs", inOrder(file, file.globalArgs(), global));
    if (!strays.isEmpty()) {
      root.put("beforeFirstFrom", inOrder(file, List.of(), strays));
    }
    List<Object> stages = new ArrayList<>();
    for (Stage s : file.stages()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("index", s.index());
      m.put("name", s.name().orElse(null));
      m.put("baseImage", s.from().image());
      List<Node> rejected = new ArrayList<>();
      boolean fromRejected = false;
      for (InvalidInstruction i : file.invalid()) {
        if (i.stage().equals(Optional.of(s.index()))) {
          boolean isFrom = i.node().equals(s.from().node());
          fromRejected |= isFrom;
          if (!isFrom) {
            rejected.add(i.node());
          }
        }
      }
      m.put("from", fromRejected ? rejected(file, s.from().node()) : typed(file, s.from()));
      m.put("instructions", inOrder(file, s.instructions(), rejected));
      stages.add(m);
    }
    root.put("stages", stages);
    return root;
  }

  /** Typed and rejected instructions of one scope, merged back into file order. */
  private static List<Object> inOrder(
      Dockerfile file, List<? extends Instruction> typed, List<Node> rejected) {
    List<Map.Entry<Integer, Map<String, Object>>> all = new ArrayList<>();
    typed.forEach(i -> all.add(Map.entry(i.range().startLine(), typed(file, i))));
    rejected.forEach(n -> all.add(Map.entry(n.range().startLine(), rejected(file, n))));
    all.sort(Map.Entry.comparingByKey());
    return all.stream().map(e -> (Object) e.getValue()).toList();
  }

  private static Map<String, Object> typed(Dockerfile file, Instruction i) {
    Map<String, Object> m = instruction(i);
    errors(file, i.range(), m);
    return m;
  }

  /** An instruction that did not type: its syntax only (the ONBUILD trigger's too), and why. */
  private static Map<String, Object> rejected(Dockerfile file, Node n) {
    Map<String, Object> m = node(n);
    n.child().ifPresent(c -> m.put("trigger", node(c)));
    errors(file, n.range(), m);
    return m;
  }

  private static void errors(Dockerfile file, SourceRange range, Map<String, Object> m) {
    List<BuildError> errors = file.errorsOf(range);
    if (errors.isEmpty()) {
      return;
    }
    List<Object> out = new ArrayList<>();
    for (BuildError e : errors) {
      Map<String, Object> em = new LinkedHashMap<>();
      em.put("message", e.message());
      em.put("line", e.at().startLine());
      em.put("column", e.at().startColumn());
      em.put("endLine", e.at().endLine());
      em.put("endColumn", e.at().endColumn());
      e.fix().ifPresent(f -> em.put("fix", f));
      if (e.inChildBuild()) {
        em.put("inChildBuild", true);
      }
      out.add(em);
    }
    m.put("errors", out);
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
