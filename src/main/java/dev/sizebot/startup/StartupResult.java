package dev.sizebot.startup;

import dev.sizebot.common.ByteSize;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Startup of one image over several fresh runs. Measuring stops at the first failed run (an image
 * that cannot start once rarely starts the next time, and each failure costs a full timeout), so
 * {@link #samples()} holds the runs before it.
 *
 * @param image the image reference or id that was run
 * @param probe how readiness was decided
 * @param runsRequested how many runs were asked for
 * @param timeout the per-run limit on time-to-ready
 * @param samples the runs that became ready, in order
 * @param failure the run that did not, if any
 */
public record StartupResult(
    String image,
    ProbeSpec probe,
    int runsRequested,
    Duration timeout,
    List<RunSample> samples,
    Optional<StartupFailure> failure) {
  public StartupResult {
    samples = List.copyOf(samples);
    if (image == null || probe == null || runsRequested < 1 || timeout == null) {
      throw new IllegalArgumentException("bad startup result for " + image);
    }
    if (failure.isEmpty() && samples.size() != runsRequested) {
      throw new IllegalArgumentException(
          samples.size() + " samples for " + runsRequested + " runs without a failure");
    }
  }

  /** True when every requested run became ready. */
  public boolean succeeded() {
    return failure.isEmpty();
  }

  /** Median, min and max time-to-ready over the successful runs; empty when none succeeded. */
  public Optional<Spread<Duration>> timeToReady() {
    List<Duration> values = samples.stream().map(RunSample::timeToReady).toList();
    return values.isEmpty() ? Optional.empty() : Optional.of(Spread.ofDurations(values));
  }

  /** Memory after ready (page cache excluded) over the runs that reported it. */
  public Optional<Spread<ByteSize>> memory() {
    return bytes(samples.stream().flatMap(s -> s.memory().stream()).toList());
  }

  /** Peak memory over the runs whose engine reported it (cgroup v1). */
  public Optional<Spread<ByteSize>> peakMemory() {
    return bytes(samples.stream().flatMap(s -> s.peakMemory().stream()).toList());
  }

  /** Every run in order: the samples, then the failure if there was one. */
  public List<RunOutcome> runs() {
    ArrayList<RunOutcome> runs = new ArrayList<>(samples);
    failure.ifPresent(runs::add);
    return List.copyOf(runs);
  }

  private static Optional<Spread<ByteSize>> bytes(List<ByteSize> values) {
    return values.isEmpty() ? Optional.empty() : Optional.of(Spread.ofBytes(values));
  }
}
