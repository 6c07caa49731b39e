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
    return measureInTurn(List.of(image), probe, runs, timeout).get(0);
  }

  /**
   * {@link #measure} for several images at once, run in turn: run 1 of each image, then run 2 of
   * each, and so on. A machine that speeds up or slows down while the runs go on (a CI runner's
   * neighbours, a disk settling after a build) then shifts every image alike, instead of showing up
   * as a difference between them. An image whose run fails is not run again; the others go on.
   *
   * @return one result per image, in the order given
   */
  public List<StartupResult> measureInTurn(
      List<String> images, ProbeSpec probe, int runs, Duration timeout) {
    if (runs < 1 || runs > 100) {
      throw SizebotException.invalidInput("startup runs must be 1-100, not " + runs);
    }
    if (timeout.isNegative() || timeout.isZero()) {
      throw SizebotException.invalidInput("startup timeout must be positive, not " + timeout);
    }
    StartupRun startup = new StartupRun(runner, network, probe, timeout);
    List<List<RunSample>> samples = new ArrayList<>();
    List<Optional<StartupFailure>> failures = new ArrayList<>();
    for (int i = 0; i < images.size(); i++) {
      samples.add(new ArrayList<>());
      failures.add(Optional.empty());
    }
    for (int run = 1; run <= runs; run++) {
      for (int i = 0; i < images.size(); i++) {
        if (failures.get(i).isPresent()) {
          continue;
        }
        RunOutcome outcome = run(startup, images.get(i), run);
        if (outcome instanceof StartupFailure failure) {
          failures.set(i, Optional.of(failure));
        } else {
          samples.get(i).add((RunSample) outcome);
        }
      }
    }
    List<StartupResult> results = new ArrayList<>();
    for (int i = 0; i < images.size(); i++) {
      results.add(
          new StartupResult(images.get(i), probe, runs, timeout, samples.get(i), failures.get(i)));
    }
    return List.copyOf(results);
  }

  private RunOutcome run(StartupRun startup, String image, int run) {
    ContainerId container = runner.create(image);
    RunOutcome outcome = null;
    try {
      outcome = startup.execute(container, run);
      return outcome;
    } finally {
      // An engine error (no outcome) always removes: only a probe failure is worth inspecting.
      if (!(keepFailed && outcome instanceof StartupFailure)) {
        runner.remove(container);
      }
    }
  }

  /** {@link #measure} with the defaults: 5 runs, 60 s each. */
  public StartupResult measure(String image, ProbeSpec probe) {
    return measure(image, probe, DEFAULT_RUNS, DEFAULT_TIMEOUT);
  }
}
