package dev.sizebot.rules;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a rule is, independent of any Dockerfile: the catalogue entry that SARIF's {@code
 * tool.driver.rules} and the docs list.
 *
 * @param id {@code SB1xx} size, {@code SB2xx} cache, {@code SB3xx} security/hygiene
 * @param why the general reason, one or two sentences
 * @param seeAlso equivalent hadolint ({@code DL3009}) or Trivy ({@code DS029}) ids, when any
 */
public record RuleInfo(
    String id, Severity severity, String title, String why, List<String> seeAlso) {
  private static final Pattern ID = Pattern.compile("SB[123]\\d\\d");

  public RuleInfo {
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(why, "why");
    if (id == null || !ID.matcher(id).matches()) {
      throw new IllegalArgumentException("rule id must look like SB101: " + id);
    }
    seeAlso = List.copyOf(seeAlso);
  }

  /** The category the id's hundreds digit names. */
  public String category() {
    return switch (id.charAt(2)) {
      case '1' -> "size";
      case '2' -> "cache";
      default -> "security";
    };
  }

  /** A finding of this rule at {@code lines}, with a message specific to that place. */
  public Finding at(LineRange lines, String message) {
    return Finding.of(this, lines, message);
  }
}
