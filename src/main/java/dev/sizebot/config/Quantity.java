package dev.sizebot.config;

import dev.sizebot.common.ByteSize;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The written forms of sizes, durations and percentages in configuration. Sizes use the units
 * {@link ByteSize} prints: {@code kB}, {@code MB}, {@code GB}, {@code TB} are decimal (1 MB =
 * 1,000,000 bytes, as {@code docker images} counts), {@code KiB}, {@code MiB}, {@code GiB}, {@code
 * TiB} are binary (1 MiB = 1,048,576 bytes); units are case-insensitive and a bare number is bytes.
 */
final class Quantity {
  static final String SIZE_FORMS = "e.g. 300MB, 20 MiB, 1.5GB, 500kB, or bytes";
  static final String DURATION_FORMS = "e.g. 60s, 2m, 1m30s, 500ms";
  static final String PERCENT_FORMS = "a number such as 5 or 2.5, optionally with %";

  private static final Pattern SIZE =
      Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([a-z]*)", Pattern.CASE_INSENSITIVE);
  private static final Map<String, Long> UNITS =
      Map.ofEntries(
          Map.entry("", 1L),
          Map.entry("b", 1L),
          Map.entry("kb", 1000L),
          Map.entry("mb", 1000L * 1000),
          Map.entry("gb", 1000L * 1000 * 1000),
          Map.entry("tb", 1000L * 1000 * 1000 * 1000),
          Map.entry("kib", 1024L),
          Map.entry("mib", 1024L * 1024),
          Map.entry("gib", 1024L * 1024 * 1024),
          Map.entry("tib", 1024L * 1024 * 1024 * 1024));
  private static final Pattern DURATION_PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h)");
  private static final Pattern PERCENT = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*%?");

  private Quantity() {}

  /** A size, rounded to the nearest byte; empty when the text is not one. */
  static Optional<ByteSize> size(String text) {
    Matcher m = SIZE.matcher(text.strip());
    if (!m.matches()) {
      return Optional.empty();
    }
    Long unit = UNITS.get(m.group(2).toLowerCase(Locale.ROOT));
    if (unit == null) {
      return Optional.empty();
    }
    BigDecimal bytes = new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(unit));
    if (bytes.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
      return Optional.empty();
    }
    return Optional.of(ByteSize.of(bytes.setScale(0, RoundingMode.HALF_UP).longValueExact()));
  }

  /** A duration such as {@code 1m30s}; a bare number is seconds. Empty when not one, or zero. */
  static Optional<Duration> duration(String text) {
    String s = text.strip().toLowerCase(Locale.ROOT);
    if (s.matches("\\d+(\\.\\d+)?")) {
      s = s + "s";
    }
    Matcher m = DURATION_PART.matcher(s);
    BigDecimal millis = BigDecimal.ZERO;
    int end = 0;
    while (m.find() && m.start() == end) {
      long perUnit =
          switch (m.group(2)) {
            case "ms" -> 1;
            case "s" -> 1000;
            case "m" -> 60_000;
            default -> 3_600_000;
          };
      millis = millis.add(new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(perUnit)));
      end = m.end();
    }
    if (end == 0 || end != s.length() || millis.signum() == 0) {
      return Optional.empty();
    }
    return Optional.of(Duration.ofMillis(millis.setScale(0, RoundingMode.HALF_UP).longValue()));
  }

  /** A percentage, {@code 5} or {@code 5%}. */
  static Optional<Double> percent(String text) {
    Matcher m = PERCENT.matcher(text.strip());
    return m.matches() ? Optional.of(Double.parseDouble(m.group(1))) : Optional.empty();
  }
}
