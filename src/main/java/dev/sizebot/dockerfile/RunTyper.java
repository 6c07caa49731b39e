package dev.sizebot.dockerfile;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Types RUN: its mounts and flags, and, for a POSIX shell, the simple commands of its script,
 * including heredoc scripts ({@code RUN <<EOF}) and heredocs fed to a shell ({@code RUN sh <<EOF});
 * for exec form, the commands {@link ExecForm} finds.
 */
final class RunTyper {
  private static final Set<String> POSIX_SHELLS =
      Set.of("sh", "bash", "ash", "dash", "zsh", "ksh", "mksh", "busybox");

  private RunTyper() {}

  static Run type(Node node, InstructionTyper.Expander x, List<String> shell, InstructionTyper t) {
    List<Mount> mounts = new ArrayList<>();
    for (String value : node.flagValues("mount")) {
      try {
        mounts.add(Mounts.parse(value, x::word));
      } catch (IllegalArgumentException e) {
        throw t.fail(node, e.getMessage() + " in --mount=" + value);
      }
    }
    Invocation command = InstructionTyper.invocation(node, node.args());
    // Exec form runs without the stage's SHELL, so it is analysed whatever that SHELL is.
    Optional<List<ShellCommand>> commands =
        command.exec()
            ? Optional.of(ExecForm.commands(command.args()))
            : isPosix(shell) ? commands(node, command.text()) : Optional.empty();
    return new Run(
        node,
        command,
        mounts,
        node.flag("network"),
        node.flag("security"),
        commands.orElse(List.of()),
        commands.isPresent());
  }

  /** Whether the shell's executable is a POSIX shell (not powershell, pwsh or cmd). */
  static boolean isPosix(List<String> shell) {
    if (shell.isEmpty()) {
      return false;
    }
    String exe = shell.get(0).replace('\\', '/');
    String base = exe.substring(exe.lastIndexOf('/') + 1);
    return POSIX_SHELLS.contains(base);
  }

  /** The script's commands, or empty when the script is not shell (a python shebang). */
  private static Optional<List<ShellCommand>> commands(Node node, String text) {
    List<Heredoc> docs = node.heredocs();
    if (!docs.isEmpty() && Heredocs.parse(text.strip()).isPresent()) {
      // BuildKit runs a lone heredoc's body as the script (or as a file if it has a shebang).
      String body = docs.get(0).body();
      return shebangIsShell(body) ? Optional.of(ShellSplitter.split(body)) : Optional.empty();
    }
    List<ShellCommand> out = new ArrayList<>();
    for (ShellCommand c : ShellSplitter.split(text)) {
      out.add(c);
      for (Heredoc h : docs) {
        if (feedsShell(c, h)) {
          out.addAll(ShellSplitter.split(h.body()));
        }
      }
    }
    return Optional.of(out);
  }

  private static boolean feedsShell(ShellCommand c, Heredoc h) {
    boolean reads =
        c.redirects().stream()
            .anyMatch(r -> r.matches("\\d*<<-?" + java.util.regex.Pattern.quote(h.name())));
    boolean shell =
        c.program()
            .map(p -> POSIX_SHELLS.contains(p.substring(p.lastIndexOf('/') + 1)))
            .orElse(false);
    return reads && shell && !c.hasArgument("-c");
  }

  private static boolean shebangIsShell(String body) {
    if (!body.startsWith("#!")) {
      return true;
    }
    String first = body.lines().findFirst().orElse("").substring(2).strip();
    String[] parts = first.split("\\s+");
    String exe = parts[0].substring(parts[0].lastIndexOf('/') + 1);
    if (exe.equals("env") && parts.length > 1) {
      exe = parts[1];
    }
    return POSIX_SHELLS.contains(exe);
  }
}
