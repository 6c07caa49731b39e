package dev.sizebot.rules;

import dev.sizebot.common.ByteSize;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One problem in one place of a Dockerfile, with its fix.
 *
 * @param message what is wrong here, specific to this Dockerfile
 * @param why why it matters (the rule's general reason)
 * @param proven the bytes the fix would save, only when evidence from the built image proves them
 *     ({@link ShippedBytes#NONE} otherwise); named piece by piece so a report counts each once
 * @param evidence what the image showed, e.g. "/var/lib/apt/lists holds 45.2 MB in the layer of
 *     line 4"
 */
public record Finding(
    String ruleId,
    Severity severity,
    String title,
    String message,
    String why,
    LineRange location,
    Optional<Fix> fix,
    ShippedBytes proven,
    Optional<String> evidence,
    List<String> seeAlso)
    implements Comparable<Finding> {
  public Finding {
    Objects.requireNonNull(ruleId, "ruleId");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(why, "why");
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(fix, "fix");
    Objects.requireNonNull(proven, "proven");
    Objects.requireNonNull(evidence, "evidence");
    seeAlso = List.copyOf(seeAlso);
  }

  static Finding of(RuleInfo rule, LineRange location, String message) {
    return new Finding(
        rule.id(),
        rule.severity(),
        rule.title(),
        message,
        rule.why(),
        location,
        Optional.empty(),
        ShippedBytes.NONE,
        Optional.empty(),
        rule.seeAlso());
  }

  public Finding withFix(Fix newFix) {
    return new Finding(
        ruleId,
        severity,
        title,
        message,
        why,
        location,
        Optional.of(newFix),
        proven,
        evidence,
        seeAlso);
  }

  /** Adds what the image showed; a zero-byte proof adds the evidence without a saving. */
  public Finding withEvidence(ShippedBytes bytes, String shown) {
    return new Finding(
        ruleId, severity, title, message, why, location, fix, bytes, Optional.of(shown), seeAlso);
  }

  /** The bytes the fix would save, when the image proves any. */
  public Optional<ByteSize> savings() {
    return proven.isEmpty() ? Optional.empty() : Optional.of(proven.size());
  }

  /** Report order: by line, then rule id. */
  @Override
  public int compareTo(Finding other) {
    int byLine = location.compareTo(other.location);
    return byLine != 0 ? byLine : ruleId.compareTo(other.ruleId);
  }
}
