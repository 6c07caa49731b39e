package dev.sizebot.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.sizebot.common.SizebotException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What earlier audits measured, oldest first: the trend the audit issue charts and the point "what
 * got worse since last time" compares with. JSON ({@code schemaVersion} 1), kept wherever the user
 * chooses (an artifact, a cache, a branch); documented in {@code docs/report-schema.md}.
 *
 * @param points at most {@link #MAX_POINTS}; the oldest are dropped first
 */
public record AuditHistory(int schemaVersion, List<Point> points) {
  public static final int SCHEMA_VERSION = 1;

  /**
   * A year of weekly audits, or a quarter of daily ones: enough for a chart that stays readable.
   */
  public static final int MAX_POINTS = 100;

  public static final AuditHistory EMPTY = new AuditHistory(SCHEMA_VERSION, List.of());

  private static final ObjectMapper MAPPER =
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES);

  /**
   * One image measured by one audit.
   *
   * @param date the audit's day, {@code yyyy-MM-dd} (UTC)
   * @param commit the default branch's commit that was built
   */
  public record Point(
      String date,
      String commit,
      String image,
      String platform,
      long size,
      long compressedSize,
      long wastedBytes,
      long savingsBytes) {
    public Point {
      Objects.requireNonNull(date, "date");
      Objects.requireNonNull(commit, "commit");
      Objects.requireNonNull(image, "image");
      Objects.requireNonNull(platform, "platform");
      if (!date.matches("\\d{4}-\\d{2}-\\d{2}")) {
        throw new IllegalArgumentException("an audit date is yyyy-MM-dd, not " + date);
      }
    }

    String key() {
      return image + " " + platform;
    }
  }

  public AuditHistory {
    if (schemaVersion != SCHEMA_VERSION) {
      throw new IllegalArgumentException(
          "schemaVersion " + schemaVersion + " is not " + SCHEMA_VERSION);
    }
    points = List.copyOf(points);
  }

  /**
   * This history with {@code today}'s points; a second audit on the same day and commit replaces
   * that day's points rather than charting a day twice.
   */
  public AuditHistory plus(List<Point> today) {
    List<Point> all = new ArrayList<>();
    for (Point p : points) {
      boolean replaced =
          today.stream().anyMatch(t -> t.key().equals(p.key()) && t.date().equals(p.date()));
      if (!replaced) {
        all.add(p);
      }
    }
    all.addAll(today);
    all.sort(Comparator.comparing(Point::date));
    int images = (int) all.stream().map(Point::key).distinct().count();
    int keep = MAX_POINTS * Math.max(1, images);
    return new AuditHistory(
        SCHEMA_VERSION, all.subList(Math.max(0, all.size() - keep), all.size()));
  }

  /** The points of one image and platform, oldest first. */
  public List<Point> of(String image, String platform) {
    return points.stream()
        .filter(p -> p.image().equals(image) && p.platform().equals(platform))
        .toList();
  }

  /** The last point of an image before {@code date}, if any. */
  public Optional<Point> before(String image, String platform, String date) {
    return of(image, platform).stream()
        .filter(p -> p.date().compareTo(date) < 0)
        .reduce((a, b) -> b);
  }

  public String toJson() {
    try {
      return MAPPER.writeValueAsString(this) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot render the audit history", e);
    }
  }

  /** Reads a history {@link #toJson} wrote; invalid input (exit 2) naming {@code source}. */
  public static AuditHistory read(String source, String json) {
    try {
      return MAPPER.readValue(json, AuditHistory.class);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw SizebotException.invalidInput(
          "audit history "
              + source
              + " is not a sizebot audit history (schemaVersion "
              + SCHEMA_VERSION
              + "): "
              + (e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage())
              + "; move it away to start a new history",
          e);
    }
  }
}
