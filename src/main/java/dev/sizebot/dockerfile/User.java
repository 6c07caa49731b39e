package dev.sizebot.dockerfile;

import java.util.Objects;

/** {@code USER user[:group]}, expanded. */
public record User(Node node, String user) implements Instruction {
  public User {
    Objects.requireNonNull(node, "node");
    Objects.requireNonNull(user, "user");
  }
}
