package dev.sizebot.report;

import dev.sizebot.common.ByteSize;
import dev.sizebot.startup.Spread;
import dev.sizebot.startup.StartupFailure;
import dev.sizebot.startup.StartupResult;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/** Startup rows of the totals table, and failed runs below it (their log lines escaped). */
final class StartupSection {
  private StartupSection() {}

  // A side with a failed run shows "failed" rather than figures from fewer runs than the label
  // says; the runs that did get ready stay in the JSON.
  static void rows(StringBuilder md, StartupComparison s) {
    StartupResult base = s.base();
    StartupResult head = s.head();
    Optional<Spread<Duration>> b = whole(base, base.timeToReady());
    Optional<Spread<Duration>> h = whole(head, head.timeToReady());
    CompareMarkdown.row(
        md,
        "startup (median of "
            + head.runsRequested()
            + ", "
            + Markdown.text(head.probe().toString())
            + ")",
        b.map(StartupSection::time).orElseGet(() -> failed(base)),
        h.map(StartupSection::time).orElseGet(() -> failed(head)),
        b.isPresent() && h.isPresent() ? timeDelta(b.get().median(), h.get().median()) : "—");
    memoryRow(
        md, "memory after ready (median)", whole(base, base.memory()), whole(head, head.memory()));
    // Peak is cgroup v1's max_usage: absent under cgroup v2, so the row is left out there.
    memoryRow(
        md,
        "peak memory (median, incl. page cache)",
        whole(base, base.peakMemory()),
        whole(head, head.peakMemory()));
  }

  private static void memoryRow(
      StringBuilder md, String label, Optional<Spread<ByteSize>> b, Optional<Spread<ByteSize>> h) {
    if (b.isEmpty() && h.isEmpty()) {
      return;
    }
    CompareMarkdown.row(
        md,
        label,
        b.map(m -> m.median().human()).orElse("—"),
        h.map(m -> m.median().human()).orElse("—"),
        b.isPresent() && h.isPresent()
            ? Numbers.delta(h.get().median().bytes() - b.get().median().bytes())
            : "—");
  }

  private static <T> Optional<Spread<T>> whole(StartupResult r, Optional<Spread<T>> spread) {
    return r.succeeded() ? spread : Optional.empty();
  }

  private static String failed(StartupResult r) {
    return r.failure().map(f -> "failed (run " + f.run() + ")").orElse("failed");
  }

  static void failures(StringBuilder md, StartupComparison s) {
    failure(md, "base", s.base());
    failure(md, "head", s.head());
  }

  private static void failure(StringBuilder md, String side, StartupResult r) {
    if (r.failure().isEmpty()) {
      return;
    }
    StartupFailure f = r.failure().get();
    md.append("**")
        .append(side)
        .append(" startup failed** (run ")
        .append(f.run())
        .append("): ")
        .append(Markdown.text(f.message()))
        .append("\n\n");
    if (!f.lastLogLines().isEmpty()) {
      md.append(Markdown.block("text", String.join("\n", f.lastLogLines()))).append('\n');
    }
  }

  static String time(Spread<Duration> s) {
    return seconds(s.median()) + " (" + seconds(s.min()) + "–" + seconds(s.max()) + ")";
  }

  static String seconds(Duration d) {
    return String.format(Locale.ROOT, "%.2f s", d.toNanos() / 1e9);
  }

  private static String timeDelta(Duration base, Duration head) {
    double delta = (head.toNanos() - base.toNanos()) / 1e9;
    String pct =
        base.isZero()
            ? ""
            : " ("
                + Numbers.percent((head.toNanos() - base.toNanos()) * 100.0 / base.toNanos())
                + ")";
    return String.format(Locale.ROOT, "%+.2f s", delta) + pct;
  }
}
