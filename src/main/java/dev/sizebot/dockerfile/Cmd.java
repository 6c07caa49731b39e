package dev.sizebot.dockerfile;

import java.util.Objects;

/** {@code CMD}: the default command (exec or shell form; not expanded). */
public record Cmd(Node node, Invocation command) implements Instruction {
  public Cmd {
    Objects.requireNonNull(node, "node");
    Objects.requireNonNull(command, "command");
  }
}
