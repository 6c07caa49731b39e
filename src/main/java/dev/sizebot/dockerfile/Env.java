package dev.sizebot.dockerfile;

import java.util.List;
import java.util.Objects;

/** {@code ENV key=value …} (or the legacy {@code ENV key value}), values expanded. */
public record Env(Node node, List<KeyValue> pairs) implements Instruction {
  public Env {
    Objects.requireNonNull(node, "node");
    pairs = List.copyOf(pairs);
  }
}
