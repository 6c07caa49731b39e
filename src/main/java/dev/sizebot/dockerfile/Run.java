package dev.sizebot.dockerfile;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code RUN}: a command in shell or exec form, its heredocs (in the node), its {@code --mount}s,
 * {@code --network} and {@code --security}, and the simple commands its shell script runs.
 *
 * @param commands the script's simple commands in order (shell form and heredoc scripts); for exec
 *     form its words as one command, or the script of {@code ["sh", "-c", "…"]}; empty when {@code
 *     shellAnalyzed} is false
 * @param shellAnalyzed false when a shell-form RUN runs in a SHELL that is not a POSIX shell
 *     (powershell, cmd), where sizebot does not split commands
 */
public record Run(
    Node node,
    Invocation command,
    List<Mount> mounts,
    Optional<String> network,
    Optional<String> security,
    List<ShellCommand> commands,
    boolean shellAnalyzed)
    implements Instruction {
  public Run {
    Objects.requireNonNull(node, "node");
    Objects.requireNonNull(command, "command");
    mounts = List.copyOf(mounts);
    Objects.requireNonNull(network, "network");
    Objects.requireNonNull(security, "security");
    commands = List.copyOf(commands);
  }

  /** The cache mounts ({@code --mount=type=cache,target=…}). */
  public List<Mount> cacheMounts() {
    return mounts.stream().filter(Mount::isCache).toList();
  }

  /** The commands whose program name is {@code name} (e.g. {@code apt-get}). */
  public List<ShellCommand> commandsOf(String name) {
    return commands.stream().filter(c -> c.isProgram(name)).toList();
  }
}
