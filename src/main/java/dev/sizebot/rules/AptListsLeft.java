package dev.sizebot.rules;

import java.util.List;

/** SB102: a RUN that fetches apt package lists and does not remove them. */
final class AptListsLeft extends CacheLeft {
  static final RuleInfo INFO =
      new RuleInfo(
          "SB102",
          Severity.WARNING,
          "apt package lists left in the layer",
          "apt-get update downloads package lists to /var/lib/apt/lists; unless the same RUN"
              + " removes them (or a cache mount holds them) they ship in the image.",
          List.of("DL3009"));

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  List<Leak> leaks(StageRun run) {
    boolean updates = run.run().commands().stream().anyMatch(Apt::isUpdate);
    // An update without an install is SB201's finding; its fix moves the update here.
    boolean installs = run.run().commands().stream().anyMatch(Apt::isInstall);
    if (!updates || !installs || run.removes(Apt.LISTS) || run.mountCovers(Apt.LISTS)) {
      return List.of();
    }
    return List.of(
        new Leak(
            Apt.LISTS,
            "RUN at line "
                + run.line()
                + " runs "
                + Apt.firstName(run.run().commands(), Apt::isUpdate)
                + " update but keeps "
                + Apt.LISTS,
            "remove the lists in the same RUN",
            t -> t.append("rm -rf " + Apt.LISTS + "/*")));
  }
}
