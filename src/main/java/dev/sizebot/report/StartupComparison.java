package dev.sizebot.report;

import dev.sizebot.startup.StartupResult;
import java.util.Objects;

/** Startup of base and head, measured with the same probe and number of runs. */
public record StartupComparison(StartupResult base, StartupResult head) {
  public StartupComparison {
    Objects.requireNonNull(base, "base");
    Objects.requireNonNull(head, "head");
  }
}
