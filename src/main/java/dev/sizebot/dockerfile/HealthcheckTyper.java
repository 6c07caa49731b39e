package dev.sizebot.dockerfile;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Types HEALTHCHECK: {@code NONE} or {@code CMD} with checked interval/timeout/retries flags. */
final class HealthcheckTyper {
  private static final Pattern DURATION =
      Pattern.compile("([0-9]*(\\.[0-9]*)?(ns|us|µs|ms|s|m|h))+|0");
  private static final Pattern PART = Pattern.compile("([0-9]*(?:\\.[0-9]*)?)(ns|us|µs|ms|s|m|h)");

  private HealthcheckTyper() {}

  /** Go's time.ParseDuration for the validated syntax, in nanoseconds. */
  static double nanos(String duration) {
    double total = 0;
    var m = PART.matcher(duration);
    while (m.find()) {
      String n = m.group(1);
      double value = n.isEmpty() || n.equals(".") ? 0 : Double.parseDouble(n);
      total +=
          value
              * switch (m.group(2)) {
                case "ns" -> 1;
                case "us", "µs" -> 1e3;
                case "ms" -> 1e6;
                case "s" -> 1e9;
                case "m" -> 60e9;
                default -> 3600e9;
              };
    }
    return total;
  }

  static Healthcheck type(Node node, InstructionTyper typer) {
    List<String> args = node.args();
    if (args.isEmpty()) {
      throw typer.fail(node, "HEALTHCHECK requires at least one argument");
    }
    String type = args.get(0).toUpperCase(Locale.ROOT);
    List<String> rest = args.subList(1, args.size());
    if (type.equals("NONE")) {
      if (!rest.isEmpty()) {
        throw typer.fail(node, "HEALTHCHECK NONE takes no arguments");
      }
      return new Healthcheck(node, Optional.empty());
    }
    if (!type.equals("CMD")) {
      throw typer.fail(node, "Unknown type \"" + type + "\" in HEALTHCHECK (try CMD)");
    }
    if (rest.isEmpty() || (!node.json() && rest.get(0).isEmpty())) {
      throw typer.fail(node, "Missing command after HEALTHCHECK CMD");
    }
    for (String flag : List.of("interval", "timeout", "start-period", "start-interval")) {
      Optional<String> v = node.flag(flag);
      if (v.isPresent() && !v.get().isEmpty()) {
        if (!DURATION.matcher(v.get()).matches()) {
          throw typer.fail(node, "time: invalid duration \"" + v.get() + "\" for --" + flag);
        }
        // Docker's container.MinimumDuration: a given duration must be at least 1ms.
        if (nanos(v.get()) < 1_000_000) {
          throw typer.fail(node, "Interval \"" + flag + "\" cannot be less than 1ms");
        }
      }
    }
    Optional<String> retries = node.flag("retries");
    if (retries.isPresent() && !retries.get().isEmpty()) {
      int n;
      try {
        n = Integer.parseInt(retries.get());
      } catch (NumberFormatException e) {
        throw typer.fail(node, "--retries must be a number, not \"" + retries.get() + "\"");
      }
      if (n < 1) {
        throw typer.fail(node, "--retries must be at least 1 (not " + n + ")");
      }
    }
    return new Healthcheck(node, Optional.of(InstructionTyper.invocation(node, rest)));
  }
}
