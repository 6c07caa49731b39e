package dev.sizebot.startup;

import dev.sizebot.common.ByteSize;
import java.time.Duration;
import java.util.Optional;

/**
 * One run that became ready.
 *
 * @param run 1-based run number
 * @param timeToReady from the start request to the first successful probe
 * @param memory memory right after ready, page cache excluded; empty for the exit probe (the
 *     container is gone) or when the engine reports none
 * @param peakMemory peak usage where the engine reports it (cgroup v1 only, includes page cache)
 */
public record RunSample(
    int run, Duration timeToReady, Optional<ByteSize> memory, Optional<ByteSize> peakMemory)
    implements RunOutcome {
  public RunSample {
    if (run < 1 || timeToReady.isNegative()) {
      throw new IllegalArgumentException("bad run sample: run " + run + ", " + timeToReady);
    }
  }
}
