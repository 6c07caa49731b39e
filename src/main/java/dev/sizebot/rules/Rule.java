package dev.sizebot.rules;

import java.util.List;

/** One check over a Dockerfile. Implementations are stateless and listed in {@link RuleSet}. */
public interface Rule {
  RuleInfo info();

  /** The findings in this input; an empty list when the Dockerfile is fine. */
  List<Finding> check(LintInput input);
}
