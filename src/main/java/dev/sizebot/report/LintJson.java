package dev.sizebot.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sizebot.rules.Finding;
import dev.sizebot.rules.Fix;
import dev.sizebot.rules.LineRange;
import dev.sizebot.rules.LintResult;
import dev.sizebot.rules.Severity;

/** {@code sizebot lint --format json}: findings as a stable, versioned JSON document. */
public final class LintJson {
  static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final ObjectWriter WRITER =
      new ObjectMapper()
          .writer(
              new DefaultPrettyPrinter()
                  .withSeparators(
                      Separators.createDefaultInstance()
                          .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
                  .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                  .withArrayIndenter(new DefaultIndenter("  ", "\n")));

  private LintJson() {}

  public static String render(LintResult result) {
    ObjectNode root = NODES.objectNode();
    root.put("schemaVersion", 1);
    root.put("dockerfile", result.path());
    ObjectNode summary = root.putObject("summary");
    for (Severity severity : Severity.values()) {
      summary.put(severity.label(), result.count(severity));
    }
    // Each proven byte once, however many findings name it.
    summary.put("savingsBytes", result.savings().bytes());
    ArrayNode findings = root.putArray("findings");
    result.findings().forEach(f -> findings.add(finding(f)));
    return write(root);
  }

  private static ObjectNode finding(Finding f) {
    ObjectNode node = NODES.objectNode();
    node.put("ruleId", f.ruleId());
    node.put("severity", f.severity().label());
    node.put("title", f.title());
    node.put("message", f.message());
    node.put("why", f.why());
    node.set("lines", lines(f.location()));
    ArrayNode seeAlso = node.putArray("seeAlso");
    f.seeAlso().forEach(seeAlso::add);
    f.savings().ifPresent(s -> node.put("savingsBytes", s.bytes()));
    f.evidence().ifPresent(e -> node.put("evidence", e));
    f.fix().ifPresent(fix -> node.set("fix", fix(fix)));
    return node;
  }

  private static ObjectNode fix(Fix fix) {
    ObjectNode node = NODES.objectNode();
    if (fix instanceof Fix.Replacement r) {
      node.put("kind", "replacement");
      node.put("description", r.description());
      node.set("lines", lines(r.lines()));
      node.put("text", r.text());
    } else if (fix instanceof Fix.Snippet s) {
      node.put("kind", "snippet");
      node.put("description", s.description());
      node.put("file", s.file());
      node.put("text", s.text());
    }
    return node;
  }

  static ObjectNode lines(LineRange range) {
    ObjectNode node = NODES.objectNode();
    node.put("start", range.start());
    node.put("end", range.end());
    if (range.hasColumns()) {
      node.put("startColumn", range.startColumn());
      node.put("endColumn", range.endColumn());
    }
    return node;
  }

  static String write(ObjectNode root) {
    try {
      return WRITER.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a JSON tree", e);
    }
  }
}
