package dev.sizebot.dockerfile;

import java.util.List;
import java.util.Objects;

/** {@code ARG name[=default] …}; before the first FROM it is a global (meta) ARG. */
public record Arg(Node node, List<ArgEntry> entries) implements Instruction {
  public Arg {
    Objects.requireNonNull(node, "node");
    entries = List.copyOf(entries);
  }
}
