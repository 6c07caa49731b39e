package dev.sizebot.startup;

import dev.sizebot.common.SizebotException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs an image N times, each in a fresh container, and measures time-to-ready and memory after
 * ready. The entry point the {@code compare} and {@code pr} commands call.
 */
public final class StartupMeasurer {
  public static final int DEFAULT_RUNS = 5;
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

  private final ContainerRunner runner;
  private final boolean keepFailed;
  private final Reachability network = new Reachability();

  /** A measurer that removes every container it creates. */
  public StartupMeasurer(ContainerRunner runner) {
    this(runner, false);
  }

  /**
   * @param keepFailed leave the container of a failed run in place (measuring stops there, so at
   *     most one per image), for the user to inspect with {@code docker logs}; ready runs are
   *     removed all the same
   */
  public StartupMeasurer(ContainerRunner runner, boolean keepFailed) {
    this.runner = runner;
    this.keepFailed = keepFailed;
  }

  /**
   * Measures {@code runs} fresh runs of {@code image}. A run that never gets ready or exits early
   * is reported in the result (with its last log lines), not thrown; only engine failures throw
   * {@code SizebotException}. Every container is removed, also on failure, unless this measurer
   * keeps failed ones.
   *
   * @param timeout per-run limit on time-to-ready
   */
  public StartupResult measure(String image, ProbeSpec probe, int runs, Duration timeout) {
    if (runs < 1 || runs > 100) {
      throw SizebotException.invalidInput("startup runs must be 1-100, not " + runs);
    }
    if (timeout.isNegative() || timeout.isZero()) {
      throw SizebotException.invalidInput("startup timeout must be positive, not " + timeout);
    }
    StartupRun startup = new StartupRun(runner, network, probe, timeout, keepFailed);
    List<RunSample> samples = new ArrayList<>();
    for (int run = 1; run <= runs; run++) {
      RunOutcome outcome = startup.execute(image, run);
      if (outcome instanceof StartupFailure failure) {
        return new StartupResult(image, probe, runs, timeout, samples, Optional.of(failure));
      }
      samples.add((RunSample) outcome);
    }
    return new StartupResult(image, probe, runs, timeout, samples, Optional.empty());
  }

  /** {@link #measure} with the defaults: 5 runs, 60 s each. */
  public StartupResult measure(String image, ProbeSpec probe) {
    return measure(image, probe, DEFAULT_RUNS, DEFAULT_TIMEOUT);
  }
}
