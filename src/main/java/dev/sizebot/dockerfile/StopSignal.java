package dev.sizebot.dockerfile;

import java.util.Objects;

/** {@code STOPSIGNAL signal}, expanded. */
public record StopSignal(Node node, String signal) implements Instruction {
  public StopSignal {
    Objects.requireNonNull(node, "node");
    Objects.requireNonNull(signal, "signal");
  }
}
