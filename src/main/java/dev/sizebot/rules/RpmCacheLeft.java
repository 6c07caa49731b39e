package dev.sizebot.rules;

import dev.sizebot.dockerfile.ShellCommand;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** SB104: yum, dnf, microdnf or zypper installs without a clean in the same RUN. */
final class RpmCacheLeft extends CacheLeft {
  static final RuleInfo INFO =
      new RuleInfo(
          "SB104",
          Severity.WARNING,
          "yum/dnf/zypper cache left in the layer",
          "yum, dnf and zypper keep metadata and downloaded packages under /var/cache; unless the"
              + " same RUN cleans them they ship in the image.",
          List.of("DL3032", "DL3040", "DL3036"));

  /** One package manager: its program, its install verbs, its clean command and cache dir. */
  private record Manager(String program, List<String> verbs, String clean, String cache) {}

  private static final List<Manager> MANAGERS =
      List.of(
          new Manager(
              "yum",
              List.of("install", "update", "upgrade", "groupinstall"),
              "yum clean all && rm -rf /var/cache/yum",
              "/var/cache/yum"),
          new Manager(
              "dnf",
              List.of("install", "update", "upgrade", "groupinstall"),
              "dnf clean all",
              "/var/cache/dnf"),
          new Manager(
              "microdnf",
              List.of("install", "update", "upgrade"),
              "microdnf clean all",
              "/var/cache/yum"),
          new Manager(
              "zypper",
              List.of("install", "in", "update", "up", "dist-upgrade", "dup"),
              "zypper clean --all",
              "/var/cache/zypp"));

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  List<Leak> leaks(StageRun run) {
    List<Leak> leaks = new ArrayList<>();
    for (Manager manager : MANAGERS) {
      leak(run, manager).ifPresent(leaks::add);
    }
    return leaks;
  }

  private static Optional<Leak> leak(StageRun run, Manager manager) {
    List<ShellCommand> commands = run.commandsOf(manager.program());
    boolean installs =
        commands.stream().anyMatch(c -> c.arguments().stream().anyMatch(manager.verbs()::contains));
    boolean cleans = commands.stream().anyMatch(c -> c.arguments().contains("clean"));
    if (!installs || cleans || run.removes(manager.cache()) || run.mountCovers(manager.cache())) {
      return Optional.empty();
    }
    return Optional.of(
        new Leak(
            manager.cache(),
            manager.program()
                + " installs at line "
                + run.line()
                + " without '"
                + manager.program()
                + " clean' in the same RUN",
            "clean the " + manager.program() + " cache in the same RUN",
            t -> t.append(manager.clean())));
  }
}
