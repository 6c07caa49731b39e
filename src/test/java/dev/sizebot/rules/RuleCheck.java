package dev.sizebot.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sizebot.dockerfile.Dockerfile;
import java.util.List;

/**
 * Runs one rule over Dockerfile text, and proves fixes: the fixed text parses and no longer
 * triggers the rule.
 */
final class RuleCheck {
  private RuleCheck() {}

  static List<Finding> findings(Rule rule, String dockerfile) {
    return findings(rule, LintInput.of(parse(dockerfile)));
  }

  static List<Finding> findings(Rule rule, LintInput input) {
    return rule.check(input);
  }

  static Dockerfile parse(String text) {
    return Dockerfile.parse(text, "Dockerfile");
  }

  /** The single finding's replacement, applied to the text. */
  static String fixed(Rule rule, String dockerfile) {
    List<Finding> found = findings(rule, dockerfile);
    assertThat(found).as("findings of %s", rule.info().id()).hasSize(1);
    Fix fix = found.get(0).fix().orElseThrow(() -> new AssertionError("no fix"));
    if (fix instanceof Fix.Replacement r) {
      return r.applyTo(dockerfile);
    }
    Fix.Snippet snippet = (Fix.Snippet) fix;
    assertThat(snippet.file()).isEqualTo(Fix.Snippet.DOCKERFILE);
    return snippet.text();
  }

  /** Applies the fix, asserts the result parses and is clean for the rule, returns it. */
  static String fixResolves(Rule rule, String dockerfile) {
    String fixed = fixed(rule, dockerfile);
    assertThat(findings(rule, fixed)).as("findings after the fix:\n%s", fixed).isEmpty();
    return fixed;
  }

  static String lines(String... lines) {
    return String.join("\n", lines) + "\n";
  }
}
