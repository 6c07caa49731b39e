package dev.sizebot.report;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the budget says about one image: pass, warn or fail, with one human reason per limit that
 * decided it (e.g. {@code head 412 MB exceeds max-size 300 MB}).
 *
 * @param noChange true when {@code |Δ|} is under the budget's noise floor (the comment then reads
 *     "no change"); false when a side failed to build
 */
public record Verdict(Outcome outcome, boolean noChange, List<String> reasons) {
  /** Ordered from best to worst, so the worst of several images is the maximum. */
  public enum Outcome {
    @JsonProperty("pass")
    PASS,
    @JsonProperty("warn")
    WARN,
    @JsonProperty("fail")
    FAIL;

    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  public Verdict {
    Objects.requireNonNull(outcome, "outcome");
    reasons = List.copyOf(reasons);
  }

  /**
   * Judges one image. {@code change} is absent when there is nothing to compare (a side failed to
   * build); any build failure fails.
   */
  public static Verdict judge(
      Budget budget, Optional<SizeChange> change, List<BuildFailure> failures) {
    if (!failures.isEmpty() || change.isEmpty()) {
      List<String> reasons = failures.stream().map(BuildFailure::summary).toList();
      return new Verdict(
          Outcome.FAIL, false, reasons.isEmpty() ? List.of("no image to compare") : reasons);
    }
    SizeChange c = change.get();
    boolean noChange = Math.abs(c.delta()) < budget.noiseFloor();
    List<String> fail = new ArrayList<>();
    budget
        .maxSize()
        .filter(max -> c.head() > max)
        .ifPresent(
            max ->
                fail.add(
                    "head " + Numbers.bytes(c.head()) + " exceeds max-size " + Numbers.bytes(max)));
    List<String> warn = new ArrayList<>();
    if (!noChange) {
      increase(fail, c, budget.maxIncrease(), budget.maxIncreasePercent(), "max-increase");
      increase(warn, c, budget.warnIncrease(), budget.warnIncreasePercent(), "warn-increase");
    }
    if (!fail.isEmpty()) {
      return new Verdict(Outcome.FAIL, noChange, fail);
    }
    if (!warn.isEmpty()) {
      return new Verdict(Outcome.WARN, noChange, warn);
    }
    return new Verdict(Outcome.PASS, noChange, List.of(passReason(budget, c, noChange)));
  }

  private static void increase(
      List<String> out, SizeChange c, Optional<Long> bytes, Optional<Double> percent, String name) {
    long d = c.delta();
    // A warn level is reached at the figure, a maximum is exceeded only past it.
    boolean warnLevel = name.startsWith("warn");
    String verb = warnLevel ? " reaches " : " exceeds ";
    bytes
        .filter(max -> warnLevel ? d >= max : d > max)
        .ifPresent(max -> out.add(Numbers.delta(d) + verb + name + " " + Numbers.bytes(max)));
    Optional<Double> p = c.percent();
    percent
        .filter(max -> p.isPresent() && (warnLevel ? p.get() >= max : p.get() > max))
        .ifPresent(
            max ->
                out.add(
                    Numbers.percent(p.get())
                        + verb
                        + name
                        + "-percent "
                        + Numbers.plainPercent(max)));
  }

  private static String passReason(Budget budget, SizeChange c, boolean noChange) {
    String change =
        noChange
            // Exact bytes: 9,999 B would round to the floor's own "10.0 kB".
            ? String.format(java.util.Locale.ROOT, "%+,d B", c.delta())
                + " is under the noise floor "
                + Numbers.bytes(budget.noiseFloor())
                + ": no change"
            : Numbers.deltaWithPercent(c.delta(), c.percent());
    return budget.unlimited()
        ? change + "; no budget set"
        : change + "; within " + String.join(" · ", budget.limits());
  }
}
