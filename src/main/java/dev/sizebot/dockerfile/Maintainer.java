package dev.sizebot.dockerfile;

import java.util.Objects;

/** {@code MAINTAINER name} (deprecated; not expanded). */
public record Maintainer(Node node, String name) implements Instruction {
  public Maintainer {
    Objects.requireNonNull(node, "node");
    Objects.requireNonNull(name, "name");
  }
}
