package dev.sizebot.rules;

import dev.sizebot.dockerfile.ShellCommand;

/** What the apt rules share: which commands are apt and what they leave behind. */
final class Apt {
  static final String PROGRAMS = "apt-get|apt";
  static final String LISTS = "/var/lib/apt/lists";

  private Apt() {}

  static boolean isApt(ShellCommand c) {
    return c.isProgram("apt-get") || c.isProgram("apt");
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
}
