package dev.sizebot.startup;

import java.util.OptionalInt;

/**
 * A container's state at one poll.
 *
 * @param running true while the main process runs
 * @param exitCode the main process's exit code once it has exited
 * @param health the HEALTHCHECK status, {@link Health#NONE} when the image declares none
 */
public record ContainerState(boolean running, OptionalInt exitCode, Health health) {
  public ContainerState {
    if (running && exitCode.isPresent()) {
      throw new IllegalArgumentException("a running container has no exit code");
    }
  }

  public static ContainerState running(Health health) {
    return new ContainerState(true, OptionalInt.empty(), health);
  }

  public static ContainerState exited(int exitCode) {
    return new ContainerState(false, OptionalInt.of(exitCode), Health.NONE);
  }

  /** Health status values of the Docker Engine API ({@code State.Health.Status}). */
  public enum Health {
    NONE,
    STARTING,
    HEALTHY,
    UNHEALTHY
  }
}
