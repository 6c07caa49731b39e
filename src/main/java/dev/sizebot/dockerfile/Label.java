package dev.sizebot.dockerfile;

import java.util.List;
import java.util.Objects;

/** {@code LABEL key=value …}, keys and values expanded and unquoted. */
public record Label(Node node, List<KeyValue> pairs) implements Instruction {
  public Label {
    Objects.requireNonNull(node, "node");
    pairs = List.copyOf(pairs);
  }
}
