package dev.sizebot.startup;

/** The engine's id (or name) of a container sizebot created. */
public record ContainerId(String value) {
  public ContainerId {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("container id must not be blank");
    }
  }

  @Override
  public String toString() {
    return value.length() > 12 ? value.substring(0, 12) : value;
  }
}
