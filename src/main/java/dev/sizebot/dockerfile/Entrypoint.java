package dev.sizebot.dockerfile;

import java.util.Objects;

/** {@code ENTRYPOINT} (exec or shell form; not expanded; empty JSON array clears it). */
public record Entrypoint(Node node, Invocation command) implements Instruction {
  public Entrypoint {
    Objects.requireNonNull(node, "node");
    Objects.requireNonNull(command, "command");
  }
}
