package dev.sizebot.pipeline;

import dev.sizebot.common.ExitCode;
import dev.sizebot.common.SizebotException;
import dev.sizebot.report.PrReport;
import dev.sizebot.report.Verdict;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a job did, for {@code cli} to print and exit with.
 *
 * @param notices lines for stderr (what was published, warnings)
 * @param commands workflow commands for stdout ({@code ::warning file=…::…}), read by the runner
 * @param overridden an override label on the PR turned a failing verdict neutral
 * @param failure the GitHub refusal that stopped publishing, if any
 * @param forkRefusal the refusal was a fork's read-only token: a warning, not a failure
 * @param gate whether a failing verdict fails the job (a PR's gate does; an audit only reports)
 */
public record JobResult(
    PrReport report,
    List<String> notices,
    List<String> commands,
    boolean overridden,
    Optional<SizebotException> failure,
    boolean forkRefusal,
    boolean gate) {
  /** The result of a job that gates on the verdict ({@code pr}, {@code publish}, {@code merge}). */
  public JobResult(
      PrReport report,
      List<String> notices,
      List<String> commands,
      boolean overridden,
      Optional<SizebotException> failure,
      boolean forkRefusal) {
    this(report, notices, commands, overridden, failure, forkRefusal, true);
  }

  public JobResult {
    Objects.requireNonNull(report, "report");
    notices = List.copyOf(notices);
    commands = List.copyOf(commands);
    Objects.requireNonNull(failure, "failure");
  }

  /**
   * 4 when publishing failed (except a fork's read-only token, which only warns), else 1 when an
   * image failed its budget and no override label says otherwise, else 0.
   */
  public ExitCode exitCode() {
    if (failure.isPresent() && !forkRefusal) {
      return ExitCode.PUBLISH;
    }
    if (gate && report.worst() == Verdict.Outcome.FAIL && !overridden) {
      return ExitCode.BUDGET_EXCEEDED;
    }
    return ExitCode.OK;
  }
}
