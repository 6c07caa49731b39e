package dev.sizebot.rules;

import java.util.List;

/** The catalogue: every rule sizebot ships, in id order. */
final class StandardRules {
  private StandardRules() {}

  static List<Rule> all() {
    return List.of(new AptNoInstallRecommends(), new AptListsLeft());
  }
}
