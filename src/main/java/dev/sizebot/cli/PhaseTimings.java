package dev.sizebot.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Wall time per phase of one command, for the hidden {@code --timings} option. The lines it prints
 * ({@code sizebot: timing PHASE MS ms}) are what the scripts in {@code bench/} read.
 */
final class PhaseTimings {
  private final Map<String, Long> millis = new LinkedHashMap<>();

  /** Runs {@code work} and adds its wall time to {@code phase}. */
  <T> T time(String phase, Supplier<T> work) {
    long start = System.nanoTime();
    try {
      return work.get();
    } finally {
      add(phase, System.nanoTime() - start);
    }
  }

  /** Adds {@code nanos} of wall time to {@code phase}. */
  void add(String phase, long nanos) {
    millis.merge(phase, nanos / 1_000_000, Long::sum);
  }

  /** Runs {@code work} and adds its wall time to {@code phase}. */
  void run(String phase, Runnable work) {
    time(
        phase,
        () -> {
          work.run();
          return null;
        });
  }

  /** One line per phase, in the order the phases first ran. */
  void print(PrintWriter err) {
    millis.forEach((phase, ms) -> err.println("sizebot: timing " + phase + " " + ms + " ms"));
    err.flush();
  }
}
