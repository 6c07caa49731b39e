package dev.sizebot.startup;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What startup measurement needs from a container engine, and nothing more. The Docker adapter
 * implements it; tests may fake it. Implementations label what they create as sizebot's, publish no
 * port beyond 127.0.0.1, and throw {@code SizebotException} (one line) when the engine fails.
 */
public interface ContainerRunner {
  /** Creates (does not start) a container from {@code image}, labelled as sizebot's. */
  ContainerId create(String image);

  /** Starts a created container; the startup clock begins just before this call. */
  void start(ContainerId container);

  /**
   * Blocks until the started container has stopped, or {@code timeout} has passed: true if it
   * stopped, false if it did not or the runner cannot tell (then the caller polls {@link #state}).
   * An engine that says when a process ends puts no poll interval into a time-to-exit.
   */
  default boolean awaitExit(ContainerId container, Duration timeout) {
    return false;
  }

  /** Running or exited, exit code, and health as the engine reports it now. */
  ContainerState state(ContainerId container);

  /**
   * The host or IP address at which sizebot reaches the container's ports; empty when it has none
   * (it exited between two polls).
   */
  Optional<String> address(ContainerId container);

  /** The last {@code lines} lines of the container's output (stdout and stderr). */
  List<String> logTail(ContainerId container, int lines);

  /** Memory now, page cache excluded; empty when the engine reports none (e.g. exited). */
  Optional<MemoryReading> memory(ContainerId container);

  /** Removes the container, stopping it first; never throws for an already-gone container. */
  void remove(ContainerId container);
}
