package dev.sizebot.rules;

import dev.sizebot.common.SizebotException;
import dev.sizebot.dockerfile.Dockerfile;
import dev.sizebot.dockerfile.Instruction;
import dev.sizebot.dockerfile.InvalidInstruction;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/** The rule registry, and linting with the config ignore list and inline ignore comments. */
public final class RuleSet {
  private final List<Rule> rules;
  private final Set<String> known;

  public RuleSet(List<Rule> rules) {
    this.rules = List.copyOf(rules);
    Set<String> ids = new TreeSet<>();
    for (Rule rule : rules) {
      if (!ids.add(rule.info().id())) {
        throw new IllegalArgumentException("duplicate rule id " + rule.info().id());
      }
    }
    this.known = Set.copyOf(ids);
  }

  /** Every rule sizebot ships, in id order. */
  public static RuleSet standard() {
    return new RuleSet(StandardRules.all());
  }

  public List<Rule> rules() {
    return rules;
  }

  public List<RuleInfo> infos() {
    return rules.stream().map(Rule::info).toList();
  }

  /**
   * Runs every rule not in {@code ignored} and drops findings an inline {@code # sizebot ignore=}
   * comment silences.
   *
   * @param path the Dockerfile as the user named it (reports and SARIF show it)
   * @throws SizebotException (invalid input) when {@code ignored} names an unknown rule
   */
  public LintResult lint(LintInput input, String path, Set<String> ignored) {
    requireKnown(ignored);
    // No FROM: BuildKit parses it but has no stage to build, so only its build errors count.
    boolean noStage = input.dockerfile().stages().isEmpty();
    InlineIgnores inline = InlineIgnores.parse(String.join("\n", input.dockerfile().lines()));
    List<LineRange> instructions = instructionLines(input.dockerfile());
    List<Finding> findings = new ArrayList<>();
    List<RuleInfo> ran = new ArrayList<>();
    for (Rule rule : rules) {
      if (ignored.contains(rule.info().id())) {
        continue;
      }
      ran.add(rule.info());
      if (noStage && !(rule instanceof BuildErrors)) {
        continue;
      }
      for (Finding finding : rule.check(input)) {
        if (!inline.suppresses(finding, instructions)) {
          findings.add(finding);
        }
      }
    }
    return new LintResult(path, ran, findings);
  }

  /** Every instruction's lines in file order, those that would not build included. */
  private static List<LineRange> instructionLines(Dockerfile file) {
    return Stream.concat(
            file.instructions().stream().map(Instruction::range),
            file.invalid().stream().map(InvalidInstruction::range))
        .map(Lines::of)
        .distinct()
        .sorted()
        .toList();
  }

  private void requireKnown(Set<String> ids) {
    if (known.containsAll(ids)) {
      return;
    }
    Set<String> unknown = new TreeSet<>(ids);
    unknown.removeAll(known);
    if (!unknown.isEmpty()) {
      throw SizebotException.invalidInput(
          "unknown rule id "
              + String.join(", ", unknown)
              + " in the ignore list; known ids: "
              + String.join(", ", new TreeSet<>(known)));
    }
  }
}
