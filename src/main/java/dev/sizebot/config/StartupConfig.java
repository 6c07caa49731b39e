package dev.sizebot.config;

import dev.sizebot.startup.ProbeSpec;
import java.time.Duration;

/**
 * How to time an image's startup.
 *
 * @param probe when a run counts as ready, as {@code compare --startup} takes it
 * @param runs runs per side (base and head take turns)
 * @param timeout how long one run may take to get ready
 */
public record StartupConfig(ProbeSpec probe, int runs, Duration timeout) {
  public static final int DEFAULT_RUNS = 5;
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

  public StartupConfig {
    if (runs < 1 || timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("bad startup " + runs + " " + timeout);
    }
  }
}
