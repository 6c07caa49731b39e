package dev.sizebot.startup;

import dev.sizebot.common.SizebotException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One fresh run of a created container: start it, poll the probe until ready, failed or timed out.
 */
final class StartupRun {
  /** Short enough that polling adds little to time-to-ready, long enough not to load the engine. */
  static final Duration POLL = Duration.ofMillis(25);

  /** How many output lines a failure carries. */
  static final int FAILURE_LOG_LINES = 20;

  /** How far back the log probe looks at each poll. */
  static final int LOG_SCAN_LINES = 2_000;

  private final ContainerRunner runner;
  private final Reachability network;
  private final ProbeSpec probe;
  private final Duration timeout;

  StartupRun(ContainerRunner runner, Reachability network, ProbeSpec probe, Duration timeout) {
    this.runner = runner;
    this.network = network;
    this.probe = probe;
    this.timeout = timeout;
  }

  /** Starts {@code container} and polls the probe; the clock starts just before the start call. */
  RunOutcome execute(ContainerId container, int run) {
    long started = System.nanoTime();
    runner.start(container);
    return await(run, container, started);
  }

  private RunOutcome await(int run, ContainerId container, long started) {
    // For the exit probe, the moment the engine says the process ended, not the next poll after it
    // (up to 25 ms later: noise of a tenth of a 0.3 s start).
    Optional<Duration> exited =
        probe instanceof ProbeSpec.Exit && runner.awaitExit(container, timeout)
            ? Optional.of(since(started))
            : Optional.empty();
    Optional<String> address = Optional.empty();
    while (true) {
      ContainerState state = runner.state(container);
      Optional<StartupFailure> failed =
          failure(run, container, state, exited.orElseGet(() -> since(started)));
      if (failed.isPresent()) {
        return failed.get();
      }
      if (state.running() && address.isEmpty() && needsAddress()) {
        address = runner.address(container);
      }
      Duration left = timeout.minus(since(started));
      if (ready(container, state, address, left)) {
        Duration elapsed = exited.orElseGet(() -> since(started));
        Optional<MemoryReading> memory =
            probe instanceof ProbeSpec.Exit ? Optional.empty() : runner.memory(container);
        return new RunSample(
            run, elapsed, memory.map(MemoryReading::used), memory.flatMap(MemoryReading::peak));
      }
      if (since(started).compareTo(timeout) >= 0) {
        return fail(
            run,
            container,
            StartupFailure.Reason.TIMEOUT,
            since(started),
            OptionalInt.empty(),
            "not ready within " + seconds(timeout) + " (probe " + probe + ")");
      }
      sleep(POLL.compareTo(left) < 0 ? POLL : left);
    }
  }

  /** A state that ends the run badly, whatever the probe would say. */
  private Optional<StartupFailure> failure(
      int run, ContainerId container, ContainerState state, Duration elapsed) {
    if (!state.running()) {
      int code = state.exitCode().orElse(-1);
      if (probe instanceof ProbeSpec.Exit && code == 0) {
        return Optional.empty();
      }
      String when = probe instanceof ProbeSpec.Exit ? "" : " before probe " + probe + " succeeded";
      return Optional.of(
          fail(
              run,
              container,
              StartupFailure.Reason.EXITED,
              elapsed,
              state.exitCode(),
              "exited with code " + code + " after " + seconds(elapsed) + when));
    }
    if (probe instanceof ProbeSpec.Healthcheck) {
      if (state.health() == ContainerState.Health.NONE) {
        return Optional.of(
            fail(
                run,
                container,
                StartupFailure.Reason.NO_HEALTHCHECK,
                elapsed,
                OptionalInt.empty(),
                "the image declares no HEALTHCHECK; choose another probe"));
      }
      if (state.health() == ContainerState.Health.UNHEALTHY) {
        return Optional.of(
            fail(
                run,
                container,
                StartupFailure.Reason.UNHEALTHY,
                elapsed,
                OptionalInt.empty(),
                "HEALTHCHECK reported unhealthy after " + seconds(elapsed)));
      }
    }
    return Optional.empty();
  }

  private boolean ready(
      ContainerId container, ContainerState state, Optional<String> address, Duration left) {
    if (probe instanceof ProbeSpec.Exit) {
      return !state.running();
    }
    if (probe instanceof ProbeSpec.Healthcheck) {
      return state.health() == ContainerState.Health.HEALTHY;
    }
    if (probe instanceof ProbeSpec.Tcp tcp) {
      return address.isPresent() && network.tcpOpen(address.get(), tcp.port(), left);
    }
    if (probe instanceof ProbeSpec.Http http) {
      return address.isPresent()
          && network.httpReady(address.get(), http.port(), http.path(), left);
    }
    ProbeSpec.LogLine log = (ProbeSpec.LogLine) probe;
    return runner.logTail(container, LOG_SCAN_LINES).stream().anyMatch(log::matches);
  }

  private boolean needsAddress() {
    return probe instanceof ProbeSpec.Tcp || probe instanceof ProbeSpec.Http;
  }

  private StartupFailure fail(
      int run,
      ContainerId container,
      StartupFailure.Reason reason,
      Duration after,
      OptionalInt exitCode,
      String message) {
    List<String> logs = runner.logTail(container, FAILURE_LOG_LINES);
    return new StartupFailure(run, reason, after, exitCode, logs, message);
  }

  private static Duration since(long startedNanos) {
    return Duration.ofNanos(System.nanoTime() - startedNanos);
  }

  static String seconds(Duration duration) {
    return String.format(Locale.ROOT, "%.2f s", duration.toNanos() / 1e9);
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(Math.max(1, duration.toMillis()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw SizebotException.environment("startup measurement interrupted", e);
    }
  }
}
