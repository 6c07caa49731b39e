package dev.sizebot.dockerfile;

import java.util.List;
import java.util.Objects;

/** {@code VOLUME path …} or JSON array, expanded. */
public record Volume(Node node, List<String> paths) implements Instruction {
  public Volume {
    Objects.requireNonNull(node, "node");
    paths = List.copyOf(paths);
  }
}
