package dev.sizebot.github;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

/**
 * When to retry a GitHub response, after GitHub's REST guidance ("Best practices", "Rate limits"):
 * a 5xx is retried with exponential backoff; a secondary rate limit (403/429 with {@code
 * Retry-After}) waits exactly that long; an exhausted primary limit ({@code x-ratelimit-remaining:
 * 0}) waits until {@code x-ratelimit-reset}. The attempts and the total wait are bounded, so a job
 * never hangs on GitHub: past the bound the last response is returned and reported as an error.
 */
public record RetryPolicy(int maxAttempts, Duration firstBackoff, Duration maxTotalWait) {
  public static final RetryPolicy DEFAULT =
      new RetryPolicy(4, Duration.ofSeconds(1), Duration.ofSeconds(90));

  public RetryPolicy {
    if (maxAttempts < 1 || firstBackoff.isNegative() || maxTotalWait.isNegative()) {
      throw new IllegalArgumentException("bad retry policy " + maxAttempts + " " + firstBackoff);
    }
  }

  /**
   * The wait before attempt {@code attempt + 1}, or empty when the response is final. {@code
   * header} reads a response header (case-insensitively).
   */
  Optional<Duration> waitAfter(
      int attempt, int status, Function<String, String> header, Clock clock) {
    if (attempt >= maxAttempts) {
      return Optional.empty();
    }
    Optional<Duration> retryAfter = seconds(header.apply("Retry-After"));
    if (status >= 500 && status <= 599) {
      return retryAfter.or(() -> Optional.of(firstBackoff.multipliedBy(1L << (attempt - 1))));
    }
    if (status != 403 && status != 429) {
      return Optional.empty();
    }
    if (retryAfter.isPresent()) {
      return retryAfter;
    }
    if ("0".equals(header.apply("x-ratelimit-remaining"))) {
      return seconds(header.apply("x-ratelimit-reset"))
          .map(reset -> Duration.between(clock.instant(), Instant.EPOCH.plus(reset)))
          .map(d -> d.isNegative() ? Duration.ZERO : d.plusSeconds(1));
    }
    // A 429 without headers is a secondary limit: GitHub says to wait at least a minute.
    return status == 429 ? Optional.of(Duration.ofMinutes(1)) : Optional.empty();
  }

  private static Optional<Duration> seconds(String value) {
    if (value == null || !value.strip().matches("\\d{1,10}")) {
      return Optional.empty();
    }
    return Optional.of(Duration.ofSeconds(Long.parseLong(value.strip())));
  }
}
