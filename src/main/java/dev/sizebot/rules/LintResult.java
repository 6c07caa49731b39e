package dev.sizebot.rules;

import dev.sizebot.common.ByteSize;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of linting one Dockerfile: the rules that ran (SARIF lists them) and the findings
 * that survived the ignores, in report order.
 *
 * @param path the Dockerfile as the user named it, relative when possible (SARIF artifact URI)
 */
public record LintResult(String path, List<RuleInfo> rules, List<Finding> findings) {
  public LintResult {
    Objects.requireNonNull(path, "path");
    rules = List.copyOf(rules);
    findings = findings.stream().sorted().toList();
  }

  /** The most severe finding's severity, empty when there is none. */
  public Optional<Severity> worst() {
    return findings.stream().map(Finding::severity).max(Enum::compareTo);
  }

  /**
   * What the fixes together would save: every proven byte once, however many findings name it (a
   * cache left in a layer may also be overwritten by a later one). Never more than the image's
   * reclaimable bytes plus the live bytes the rules prove removable.
   */
  public ByteSize savings() {
    return ShippedBytes.union(findings.stream().map(Finding::proven).toList()).size();
  }

  public long count(Severity severity) {
    return findings.stream().filter(f -> f.severity() == severity).count();
  }
}
