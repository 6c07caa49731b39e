package dev.sizebot.dockerfile;

import java.util.List;
import java.util.Objects;

/** {@code SHELL ["executable", "param"]}: the shell for later shell-form commands. */
public record Shell(Node node, List<String> shell) implements Instruction {
  public Shell {
    Objects.requireNonNull(node, "node");
    shell = List.copyOf(shell);
  }
}
