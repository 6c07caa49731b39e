package dev.sizebot.dockerfile;

import java.util.List;
import java.util.Optional;

/**
 * The commands an exec-form RUN ({@code RUN ["apt-get", "install", "git"]}) runs. No shell is
 * involved, so its words are one simple command as written; but when the program is a POSIX shell
 * given {@code -c} ({@code ["sh", "-c", "…"]}, {@code ["/bin/bash", "-exc", "…"]}), the script that
 * shell runs is split like a shell-form RUN.
 */
final class ExecForm {
  private ExecForm() {}

  static List<ShellCommand> commands(List<String> args) {
    return script(args)
        .map(ShellSplitter::split)
        .orElseGet(
            () ->
                args.isEmpty() ? List.of() : List.of(new ShellCommand(List.of(), args, List.of())));
  }

  /**
   * The command string of {@code shell [options] -c string [name [args…]]}: with {@code -c} among
   * the options, the first operand is the script (POSIX sh, "Options"; bash reads it alike).
   */
  static Optional<String> script(List<String> args) {
    if (args.isEmpty() || !RunTyper.isPosix(args.subList(0, 1))) {
      return Optional.empty();
    }
    boolean command = false;
    int i = 1;
    while (i < args.size()) {
      String a = args.get(i);
      if (a.equals("--")) {
        i++;
        break;
      }
      if (a.length() < 2 || (a.charAt(0) != '-' && a.charAt(0) != '+')) {
        break;
      }
      if (a.startsWith("--")) {
        i++; // --norc, --login: no operand
        continue;
      }
      // A cluster of short options (-c, -ec, -exc, -euo pipefail): o and O (bash's shopt) take
      // the next word as an option name.
      command |= a.charAt(0) == '-' && a.indexOf('c') > 0;
      i += a.indexOf('o') > 0 || a.indexOf('O') > 0 ? 2 : 1;
    }
    return command && i < args.size() ? Optional.of(args.get(i)) : Optional.empty();
  }
}
