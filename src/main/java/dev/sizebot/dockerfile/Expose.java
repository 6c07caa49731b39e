package dev.sizebot.dockerfile;

import java.util.List;
import java.util.Objects;

/** {@code EXPOSE port[/proto] …}, expanded. */
public record Expose(Node node, List<String> ports) implements Instruction {
  public Expose {
    Objects.requireNonNull(node, "node");
    ports = List.copyOf(ports);
  }
}
