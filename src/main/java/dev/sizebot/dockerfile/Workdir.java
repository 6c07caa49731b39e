package dev.sizebot.dockerfile;

import java.util.Objects;

/** {@code WORKDIR path}, expanded. */
public record Workdir(Node node, String path) implements Instruction {
  public Workdir {
    Objects.requireNonNull(node, "node");
    Objects.requireNonNull(path, "path");
  }
}
