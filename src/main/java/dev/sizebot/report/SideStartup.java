package dev.sizebot.report;

import dev.sizebot.common.ByteSize;
import dev.sizebot.startup.Spread;
import dev.sizebot.startup.StartupResult;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Startup of one side over its runs: spreads in milliseconds and bytes.
 *
 * @param probe how readiness was decided, e.g. {@code http://:8000/health}
 * @param runs how many runs were asked for
 * @param succeeded true when every run became ready (else the spreads cover the runs before the
 *     failure, and the comment shows "failed")
 * @param failure the failed run's one-line message (untrusted: from the image)
 * @param lastLogLines the failed run's last log lines (untrusted)
 */
public record SideStartup(
    String probe,
    int runs,
    boolean succeeded,
    Optional<Stats> timeToReadyMs,
    Optional<Stats> memoryBytes,
    Optional<Stats> peakMemoryBytes,
    Optional<String> failure,
    List<String> lastLogLines) {
  /** Median, minimum and maximum over {@code count} values. */
  public record Stats(long median, long min, long max, int count) {
    public Stats {
      if (count < 1 || min > median || median > max) {
        throw new IllegalArgumentException(
            "bad spread: median " + median + " min " + min + " max " + max + " of " + count);
      }
    }
  }

  public SideStartup {
    Objects.requireNonNull(probe, "probe");
    Objects.requireNonNull(timeToReadyMs, "timeToReadyMs");
    Objects.requireNonNull(memoryBytes, "memoryBytes");
    Objects.requireNonNull(peakMemoryBytes, "peakMemoryBytes");
    Objects.requireNonNull(failure, "failure");
    lastLogLines = List.copyOf(lastLogLines);
  }

  static SideStartup of(StartupResult r) {
    return new SideStartup(
        r.probe().toString(),
        r.runsRequested(),
        r.succeeded(),
        r.timeToReady().map(SideStartup::millis),
        r.memory().map(SideStartup::bytes),
        r.peakMemory().map(SideStartup::bytes),
        r.failure().map(f -> "run " + f.run() + ": " + f.message()),
        r.failure().map(f -> f.lastLogLines()).orElse(List.of()));
  }

  private static Stats millis(Spread<Duration> s) {
    return new Stats(s.median().toMillis(), s.min().toMillis(), s.max().toMillis(), s.count());
  }

  private static Stats bytes(Spread<ByteSize> s) {
    return new Stats(s.median().bytes(), s.min().bytes(), s.max().bytes(), s.count());
  }
}
