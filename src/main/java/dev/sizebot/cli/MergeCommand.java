package dev.sizebot.cli;

import dev.sizebot.common.ExitCode;
import dev.sizebot.common.SizebotException;
import dev.sizebot.github.ActionsContext;
import dev.sizebot.github.GitHubSession;
import dev.sizebot.github.StepFiles;
import dev.sizebot.pipeline.MergeJob;
import dev.sizebot.report.CommentOptions;
import dev.sizebot.report.PrCommentMarkdown;
import dev.sizebot.report.PrReport;
import dev.sizebot.report.PrReportJson;
import dev.sizebot.report.Verdict;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code sizebot merge a.json b.json …}: matrix jobs' reports as one (see {@link MergeJob}). */
@Command(
    name = "merge",
    mixinStandardHelpOptions = true,
    description = {
      "Merge the reports of matrix jobs into one report. Inside GitHub Actions it writes the job"
          + " summary and outputs and posts one combined comment (and a check per image);"
          + " elsewhere it prints the combined comment (or --format json).",
      "Exit codes as for pr."
    })
final class MergeCommand implements Callable<Integer> {
  @Parameters(
      arity = "0..*",
      paramLabel = "REPORT",
      description =
          "report.json files to merge (default in GitHub Actions: the reports input, a glob in the"
              + " workspace, else "
              + ReportGlob.DEFAULT
              + ").")
  List<Path> reports = new ArrayList<>();

  @Option(
      names = "--report",
      paramLabel = "FILE",
      description = "Where to write the merged report (default: sizebot-report.json).")
  Path output = Path.of("sizebot-report.json");

  @Option(
      names = "--publish",
      arity = "1",
      paramLabel = "BOOL",
      description = "Post to GitHub (default: true inside GitHub Actions).")
  Optional<Boolean> publish = Optional.empty();

  @Option(names = "--format", paramLabel = "FORMAT", description = "markdown (default) or json.")
  CompareCommand.Format format = CompareCommand.Format.markdown;

  @Mixin JobConfig config = new JobConfig();

  @Spec CommandSpec spec;

  @ParentCommand Main main;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    boolean actions = "true".equals(main.env().get("GITHUB_ACTIONS"));
    if (reports.isEmpty() && !actions) {
      throw SizebotException.invalidInput(
          "merge needs the report.json files to merge: sizebot merge reports/*.json");
    }
    if (reports.isEmpty()) {
      String glob = main.env().getOrDefault("INPUT_REPORTS", "");
      reports =
          ReportGlob.expand(glob.isBlank() ? ReportGlob.DEFAULT : glob, JobConfig.workspace(main));
    }
    if (!actions) {
      PrReport merged = MergeJob.merge(reports);
      out.print(
          format == CompareCommand.Format.json
              ? PrReportJson.write(merged)
              : PrCommentMarkdown.combined(merged, CommentOptions.DEFAULT));
      out.flush();
      return merged.worst() == Verdict.Outcome.FAIL
          ? ExitCode.BUDGET_EXCEEDED.code()
          : ExitCode.OK.code();
    }
    ActionsContext context = ActionsContext.fromEnv(main.env());
    MergeJob job = new MergeJob(GitHubSession::open, StepFiles.random());
    return JobOutput.print(
        job.run(context, config.load(main), reports, publish.orElse(true), output),
        out,
        spec.commandLine().getErr());
  }
}
