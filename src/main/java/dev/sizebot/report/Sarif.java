package dev.sizebot.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sizebot.rules.Finding;
import dev.sizebot.rules.Fix;
import dev.sizebot.rules.LineRange;
import dev.sizebot.rules.LintResult;
import dev.sizebot.rules.RuleInfo;
import dev.sizebot.rules.Severity;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * {@code sizebot lint --format sarif}: SARIF 2.1.0 (OASIS, sarif-v2.1.0-os) in the shape GitHub
 * code scanning ingests — one run, the rule catalogue in {@code tool.driver.rules}, each result
 * with {@code ruleId}/{@code ruleIndex}, a level, a message, a physical location and, where sizebot
 * has an exact patch, a {@code fixes[]} replacement.
 */
public final class Sarif {
  static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
  static final String INFORMATION_URI = "https://github.com/sizebot/sizebot";

  private Sarif() {}

  public static String render(LintResult result, String toolVersion) {
    ObjectNode root = LintJson.NODES.objectNode();
    root.put("$schema", SCHEMA);
    root.put("version", "2.1.0");
    ObjectNode run = root.putArray("runs").addObject();
    ObjectNode driver = run.putObject("tool").putObject("driver");
    driver.put("name", "sizebot");
    driver.put("informationUri", INFORMATION_URI);
    driver.put("version", toolVersion);
    ArrayNode rules = driver.putArray("rules");
    result.rules().forEach(r -> rules.add(rule(r)));
    ArrayNode results = run.putArray("results");
    for (Finding finding : result.findings()) {
      results.add(result(finding, ruleIndex(result.rules(), finding), uri(result.path())));
    }
    return LintJson.write(root);
  }

  /** SARIF levels (3.27.10): error, warning, note. */
  static String level(Severity severity) {
    return switch (severity) {
      case ERROR -> "error";
      case WARNING -> "warning";
      case INFO -> "note";
    };
  }

  private static ObjectNode rule(RuleInfo info) {
    ObjectNode node = LintJson.NODES.objectNode();
    node.put("id", info.id());
    node.putObject("shortDescription").put("text", info.title());
    node.putObject("fullDescription").put("text", info.why());
    String seeAlso =
        info.seeAlso().isEmpty() ? "" : " See also: " + String.join(", ", info.seeAlso()) + ".";
    node.putObject("help").put("text", info.why() + seeAlso);
    node.putObject("defaultConfiguration").put("level", level(info.severity()));
    ArrayNode tags = node.putObject("properties").putArray("tags");
    tags.add(info.category());
    tags.add("dockerfile");
    return node;
  }

  private static int ruleIndex(List<RuleInfo> rules, Finding finding) {
    for (int i = 0; i < rules.size(); i++) {
      if (rules.get(i).id().equals(finding.ruleId())) {
        return i;
      }
    }
    throw new IllegalArgumentException("finding of a rule that did not run: " + finding.ruleId());
  }

  private static ObjectNode result(Finding finding, int ruleIndex, String uri) {
    ObjectNode node = LintJson.NODES.objectNode();
    node.put("ruleId", finding.ruleId());
    node.put("ruleIndex", ruleIndex);
    node.put("level", level(finding.severity()));
    // Code scanning shows only the message, so the image's proof goes into it as well.
    String proof = finding.evidence().map(e -> " (" + e + ")").orElse("");
    node.putObject("message").put("text", finding.message() + proof);
    ObjectNode physical = node.putArray("locations").addObject().putObject("physicalLocation");
    physical.putObject("artifactLocation").put("uri", uri);
    physical.set("region", region(finding.location()));
    if (finding.evidence().isPresent()) {
      ObjectNode properties = node.putObject("properties");
      properties.put("evidence", finding.evidence().get());
      finding.savings().ifPresent(s -> properties.put("savingsBytes", s.bytes()));
    }
    if (finding.fix().orElse(null) instanceof Fix.Replacement replacement) {
      node.putArray("fixes").add(fix(replacement, uri));
    }
    return node;
  }

  // Without columns a region spans whole lines up to, not including, the last line's newline
  // (SARIF 3.30.2), so the inserted text carries no trailing newline either.
  private static ObjectNode fix(Fix.Replacement replacement, String uri) {
    ObjectNode fix = LintJson.NODES.objectNode();
    fix.putObject("description").put("text", replacement.description());
    ObjectNode change = fix.putArray("artifactChanges").addObject();
    change.putObject("artifactLocation").put("uri", uri);
    ObjectNode edit = change.putArray("replacements").addObject();
    edit.set("deletedRegion", region(replacement.lines()));
    edit.putObject("insertedContent").put("text", replacement.text());
    return fix;
  }

  /** A relative URI reference for the path: forward slashes, anything unusual percent-encoded. */
  static String uri(String path) {
    StringBuilder out = new StringBuilder();
    for (byte b : path.replace('\\', '/').getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if (c < 0x80 && (Character.isLetterOrDigit(c) || "/-._~".indexOf(c) >= 0)) {
        out.append(c);
      } else {
        out.append(String.format(Locale.ROOT, "%%%02X", b & 0xff));
      }
    }
    return out.toString();
  }

  private static ObjectNode region(LineRange lines) {
    ObjectNode region = LintJson.NODES.objectNode();
    region.put("startLine", lines.start());
    if (lines.hasColumns()) {
      region.put("startColumn", lines.startColumn());
    }
    region.put("endLine", lines.end());
    if (lines.hasColumns()) {
      region.put("endColumn", lines.endColumn()); // exclusive, as SARIF 3.30.2 counts it
    }
    return region;
  }
}
