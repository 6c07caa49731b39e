package dev.sizebot.cli;

import dev.sizebot.config.SizebotConfig;
import dev.sizebot.github.ActionsContext;
import dev.sizebot.github.GitHubSession;
import dev.sizebot.github.StepFiles;
import dev.sizebot.pipeline.AuditJob;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code sizebot audit}: the scheduled audit of the default branch (see {@link AuditJob}). */
@Command(
    name = "audit",
    mixinStandardHelpOptions = true,
    description = {
      "The scheduled audit (schedule, workflow_dispatch or push): build every configured image at"
          + " the run's commit, add its size, waste and savings to the history file, and keep one"
          + " open issue labelled "
          + AuditJob.LABEL
          + " with a table per image, what got worse,"
          + " the fixes that save most and a trend chart.",
      "Exit 0 (an audit reports, budgets do not fail it); 2 invalid input; 3 engine failure;"
          + " 4 GitHub refused the issue (history, report and summary are written first)."
    })
final class AuditCommand implements Callable<Integer> {
  @Option(
      names = "--history",
      paramLabel = "FILE",
      description =
          "The audit history (JSON), read when present and written back: keep it between runs"
              + " with actions/cache or an artifact (default: sizebot-history.json).")
  Path history = Path.of("sizebot-history.json");

  @Option(
      names = "--report",
      paramLabel = "FILE",
      description = "Where to write the JSON report (default: sizebot-report.json).")
  Path report = Path.of("sizebot-report.json");

  @Option(
      names = "--publish",
      arity = "1",
      paramLabel = "BOOL",
      description = "Update the audit issue (default true).")
  boolean publish = true;

  @Mixin JobConfig config = new JobConfig();

  @Spec CommandSpec spec;

  @ParentCommand Main main;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    ActionsContext context = ActionsContext.fromEnv(main.env());
    Path workspace = JobConfig.workspace(main);
    SizebotConfig settings = config.load(main);
    AuditJob job =
        new AuditJob(
            new EngineMeasurer(main, err, settings.ignoredRules(), workspace),
            GitHubSession::open,
            StepFiles.random());
    String branch = main.env().getOrDefault("GITHUB_REF_NAME", "the default branch");
    return JobOutput.print(
        job.run(
            context,
            settings,
            branch,
            history,
            report,
            publish,
            LocalDate.now(ZoneOffset.UTC).toString()),
        spec.commandLine().getOut(),
        err);
  }
}
