package dev.sizebot.github;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
  static final Clock NOW = Clock.fixed(Instant.ofEpochSecond(1_796_000_000), ZoneOffset.UTC);
  static final RetryPolicy POLICY = RetryPolicy.DEFAULT;

  private static Optional<Duration> wait(int attempt, int status, Map<String, String> headers) {
    return POLICY.waitAfter(attempt, status, headers::get, NOW);
  }

  @Test
  void serverErrorsBackOffOneTwoFourSecondsThenStop() {
    assertThat(wait(1, 502, Map.of())).contains(Duration.ofSeconds(1));
    assertThat(wait(2, 503, Map.of())).contains(Duration.ofSeconds(2));
    assertThat(wait(3, 500, Map.of())).contains(Duration.ofSeconds(4));
    assertThat(wait(4, 502, Map.of())).isEmpty();
  }

  @Test
  void retryAfterIsTakenAsGiven() {
    assertThat(wait(1, 429, Map.of("Retry-After", "13"))).contains(Duration.ofSeconds(13));
    assertThat(wait(1, 403, Map.of("Retry-After", "60"))).contains(Duration.ofSeconds(60));
    assertThat(wait(1, 503, Map.of("Retry-After", "5"))).contains(Duration.ofSeconds(5));
  }

  @Test
  void anExhaustedPrimaryLimitWaitsUntilItsResetAndASecondMore() {
    assertThat(
            wait(1, 403, Map.of("x-ratelimit-remaining", "0", "x-ratelimit-reset", "1796000030")))
        .contains(Duration.ofSeconds(31));
  }

  @Test
  void permissionErrorsAndClientErrorsAreFinal() {
    assertThat(wait(1, 403, Map.of("x-ratelimit-remaining", "4990"))).isEmpty();
    assertThat(wait(1, 404, Map.of())).isEmpty();
    assertThat(wait(1, 422, Map.of())).isEmpty();
    assertThat(wait(1, 201, Map.of())).isEmpty();
  }

  @Test
  void aBareTooManyRequestsWaitsTheMinuteGitHubAsksFor() {
    assertThat(wait(1, 429, Map.of())).contains(Duration.ofMinutes(1));
  }
}
