package dev.sizebot.rules;

import dev.sizebot.dockerfile.ShellCommand;
import java.util.List;
import java.util.function.Predicate;

/** What the apt rules share: which commands are apt and what they leave behind. */
final class Apt {
  static final String PROGRAMS = "apt-get|apt";
  static final String LISTS = "/var/lib/apt/lists";

  private Apt() {}

  static boolean isApt(ShellCommand c) {
    return c.isProgram("apt-get") || c.isProgram("apt");
  }

  /**
   * The apt program a command runs, as messages should name it: {@code apt} or {@code apt-get} (the
   * path dropped).
   */
  static String name(ShellCommand c) {
    return c.program().map(Python::baseName).orElse("apt-get");
  }

  /** The name of the first command of {@code commands} that {@code test} accepts. */
  static String firstName(List<ShellCommand> commands, Predicate<ShellCommand> test) {
    return commands.stream().filter(test).findFirst().map(Apt::name).orElse("apt-get");
  }

  static boolean isUpdate(ShellCommand c) {
    return isApt(c) && c.arguments().contains("update");
  }

  static boolean isInstall(ShellCommand c) {
    return isApt(c)
        && c.arguments().stream()
            .anyMatch(
                a ->
                    a.equals("install")
                        || a.equals("dist-upgrade")
                        || a.equals("upgrade")
                        || a.equals("full-upgrade"));
  }

  /**
   * A command that reads the package lists an update fetched: an install, or {@code apt-get
   * download} / {@code source} / {@code build-dep}, which fetch packages without installing them.
   */
  static boolean usesLists(ShellCommand c) {
    return isInstall(c)
        || isApt(c)
            && c.arguments().stream()
                .anyMatch(a -> a.equals("download") || a.equals("source") || a.equals("build-dep"));
  }
}
