package dev.sizebot.dockerfile;

import java.util.Objects;
import java.util.Optional;

/**
 * {@code HEALTHCHECK [--interval …] CMD command} or {@code HEALTHCHECK NONE}; the options stay in
 * the node's flags.
 *
 * @param command the check command, empty for {@code NONE}
 */
public record Healthcheck(Node node, Optional<Invocation> command) implements Instruction {
  public Healthcheck {
    Objects.requireNonNull(node, "node");
    Objects.requireNonNull(command, "command");
  }

  public boolean isNone() {
    return command.isEmpty();
  }
}
