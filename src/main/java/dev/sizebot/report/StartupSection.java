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

  static void rows(StringBuilder md, StartupComparison s) {
    Optional<Spread<Duration>> b = s.base().timeToReady();
    Optional<Spread<Duration>> h = s.head().timeToReady();
    CompareMarkdown.row(
        md,
        "startup (median of "
            + s.head().runsRequested()
            + ", "
            + Markdown.text(s.head().probe().toString())
            + ")",
        b.map(StartupSection::time).orElse("failed"),
        h.map(StartupSection::time).orElse("failed"),
        b.isPresent() && h.isPresent() ? timeDelta(b.get().median(), h.get().median()) : "—");
    Optional<Spread<ByteSize>> bm = s.base().memory();
    Optional<Spread<ByteSize>> hm = s.head().memory();
    if (bm.isPresent() || hm.isPresent()) {
      CompareMarkdown.row(
          md,
          "memory after ready (median)",
          bm.map(m -> m.median().human()).orElse("—"),
          hm.map(m -> m.median().human()).orElse("—"),
          bm.isPresent() && hm.isPresent()
              ? Numbers.delta(hm.get().median().bytes() - bm.get().median().bytes())
              : "—");
    }
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
