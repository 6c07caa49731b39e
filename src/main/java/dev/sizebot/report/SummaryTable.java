package dev.sizebot.report;

import static dev.sizebot.report.Numbers.bytes;
import static dev.sizebot.report.Numbers.delta;
import static dev.sizebot.report.Numbers.deltaWithPercent;

import dev.sizebot.diff.Percent;
import dev.sizebot.report.SideStartup.Stats;
import java.util.Optional;
import java.util.function.Function;

/**
 * The comment's summary table: size, compressed, layers, wasted, startup, memory and pull time,
 * base / head / Δ. The figures are the JSON report's ({@link ImageTotals}, {@link SideStartup}),
 * formatted as {@code compare} formats them.
 */
final class SummaryTable {
  private SummaryTable() {}

  static void render(StringBuilder md, PrReport report, ImageReport image) {
    Optional<ImageTotals> b = image.base().image();
    Optional<ImageTotals> h = image.head().image();
    if (b.isEmpty() && h.isEmpty()) {
      return;
    }
    md.append("| | base | head | Δ |\n|---|---:|---:|---:|\n");
    bytesRow(md, "size", b, h, ImageTotals::size, true);
    boolean exact =
        b.map(ImageTotals::compressedExact).orElse(true)
            && h.map(ImageTotals::compressedExact).orElse(true);
    bytesRow(
        md,
        exact ? "compressed" : "compressed (estimated)",
        b,
        h,
        ImageTotals::compressedSize,
        true);
    CommentRow.append(
        md,
        "layers",
        b.map(t -> t.layers() + "").orElse("—"),
        h.map(t -> t.layers() + "").orElse("—"),
        both(b, h) ? Numbers.signed(h.get().layers() - b.get().layers()) : "—");
    if (b.flatMap(ImageTotals::wastedBytes).isPresent()
        || h.flatMap(ImageTotals::wastedBytes).isPresent()) {
      CommentRow.append(
          md,
          "wasted (reclaimable)",
          b.flatMap(ImageTotals::wastedBytes).map(Numbers::bytes).orElse("—"),
          h.flatMap(ImageTotals::wastedBytes).map(Numbers::bytes).orElse("—"),
          b.flatMap(ImageTotals::wastedBytes).isPresent()
                  && h.flatMap(ImageTotals::wastedBytes).isPresent()
              ? delta(h.get().wastedBytes().get() - b.get().wastedBytes().get())
              : "—");
    }
    startup(md, image);
    int mbit = report.pullMbitPerSecond();
    Optional<Double> bp = b.map(t -> Numbers.pullSeconds(t.compressedSize(), mbit));
    Optional<Double> hp = h.map(t -> Numbers.pullSeconds(t.compressedSize(), mbit));
    CommentRow.append(
        md,
        "pull @" + mbit + " Mbit/s",
        bp.map(Numbers::duration).orElse("—"),
        hp.map(Numbers::duration).orElse("—"),
        bp.isPresent() && hp.isPresent() ? Numbers.durationDelta(bp.get(), hp.get()) : "—");
    md.append('\n');
  }

  private static void bytesRow(
      StringBuilder md,
      String label,
      Optional<ImageTotals> b,
      Optional<ImageTotals> h,
      Function<ImageTotals, Long> value,
      boolean percent) {
    CommentRow.append(
        md,
        label,
        b.map(value).map(Numbers::bytes).orElse("—"),
        h.map(value).map(Numbers::bytes).orElse("—"),
        both(b, h)
            ? deltaWithPercent(
                value.apply(h.get()) - value.apply(b.get()),
                percent ? Percent.of(value.apply(b.get()), value.apply(h.get())) : Optional.empty())
            : "—");
  }

  private static boolean both(Optional<?> b, Optional<?> h) {
    return b.isPresent() && h.isPresent();
  }

  private static void startup(StringBuilder md, ImageReport image) {
    Optional<SideStartup> b = image.base().startup();
    Optional<SideStartup> h = image.head().startup();
    if (b.isEmpty() && h.isEmpty()) {
      return;
    }
    int runs = h.or(() -> b).orElseThrow().runs();
    Optional<Stats> bt = b.filter(SideStartup::succeeded).flatMap(SideStartup::timeToReadyMs);
    Optional<Stats> ht = h.filter(SideStartup::succeeded).flatMap(SideStartup::timeToReadyMs);
    CommentRow.append(
        md,
        "startup (median of " + runs + ")",
        bt.map(SummaryTable::time).orElse(b.isPresent() ? "failed" : "—"),
        ht.map(SummaryTable::time).orElse(h.isPresent() ? "failed" : "—"),
        both(bt, ht)
            ? Numbers.durationDelta(bt.get().median() / 1000.0, ht.get().median() / 1000.0)
            : "—");
    Optional<Stats> bm = b.filter(SideStartup::succeeded).flatMap(SideStartup::memoryBytes);
    Optional<Stats> hm = h.filter(SideStartup::succeeded).flatMap(SideStartup::memoryBytes);
    if (bm.isPresent() || hm.isPresent()) {
      CommentRow.append(
          md,
          "memory after ready (median)",
          bm.map(m -> bytes(m.median())).orElse("—"),
          hm.map(m -> bytes(m.median())).orElse("—"),
          both(bm, hm) ? delta(hm.get().median() - bm.get().median()) : "—");
    }
  }

  // "0.81 s (0.79–0.84)", as StartupSection writes it for compare.
  private static String time(Stats s) {
    return seconds(s.median()) + " (" + seconds(s.min()) + "–" + seconds(s.max()) + ")";
  }

  private static String seconds(long ms) {
    return String.format(java.util.Locale.ROOT, "%.2f s", ms / 1000.0);
  }
}
