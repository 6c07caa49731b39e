package dev.sizebot.startup;

import dev.sizebot.common.ByteSize;
import java.time.Duration;
import java.util.List;
import java.util.function.LongFunction;
import java.util.function.ToLongFunction;

/**
 * Median, minimum and maximum of a few measurements. With an even count the median is the mean of
 * the two middle values (rounded down), the usual definition.
 */
public record Spread<T>(T median, T min, T max, int count) {
  public Spread {
    if (median == null || min == null || max == null || count < 1) {
      throw new IllegalArgumentException("a spread needs at least one value");
    }
  }

  public static Spread<Duration> ofDurations(List<Duration> values) {
    return of(values, Duration::toNanos, Duration::ofNanos);
  }

  public static Spread<ByteSize> ofBytes(List<ByteSize> values) {
    return of(values, ByteSize::bytes, ByteSize::of);
  }

  private static <T> Spread<T> of(
      List<T> values, ToLongFunction<T> toLong, LongFunction<T> fromLong) {
    if (values.isEmpty()) {
      throw new IllegalArgumentException("a spread needs at least one value");
    }
    long[] sorted = values.stream().mapToLong(toLong).sorted().toArray();
    int n = sorted.length;
    // sorted[] holds non-negative values, so lo + (hi - lo) / 2 cannot overflow and rounds down.
    long median =
        n % 2 == 1 ? sorted[n / 2] : sorted[n / 2 - 1] + (sorted[n / 2] - sorted[n / 2 - 1]) / 2;
    return new Spread<>(
        fromLong.apply(median), fromLong.apply(sorted[0]), fromLong.apply(sorted[n - 1]), n);
  }
}
