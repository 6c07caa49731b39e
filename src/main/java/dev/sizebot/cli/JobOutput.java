package dev.sizebot.cli;

import dev.sizebot.pipeline.JobResult;
import java.io.PrintWriter;

/** Prints what a GitHub job did: workflow commands on stdout, one line per event on stderr. */
final class JobOutput {
  private JobOutput() {}

  static int print(JobResult result, PrintWriter out, PrintWriter err) {
    result.commands().forEach(out::println);
    out.flush();
    result.notices().forEach(n -> err.println("sizebot: " + n));
    result
        .report()
        .images()
        .forEach(
            i ->
                err.println(
                    "sizebot: "
                        + i.name()
                        + " ("
                        + i.platform()
                        + "): "
                        + i.verdict().outcome().label()
                        + i.verdict().reasons().stream()
                            .map(r -> "; " + r)
                            .reduce("", String::concat)));
    if (result.overridden()) {
      err.println("sizebot: the override label turns the failing verdict neutral");
    }
    if (!result.forkRefusal()) {
      result.failure().ifPresent(f -> err.println("sizebot: error: " + f.getMessage()));
    }
    err.flush();
    return result.exitCode().code();
  }
}
