package dev.sizebot.cli;

import dev.sizebot.github.ActionsContext;
import dev.sizebot.github.GitHubSession;
import dev.sizebot.github.StepFiles;
import dev.sizebot.pipeline.PublishJob;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code sizebot publish report.json}: the trusted second phase (see {@link PublishJob}). */
@Command(
    name = "publish",
    mixinStandardHelpOptions = true,
    description = {
      "Post a report that 'sizebot pr --publish=false' saved, from a workflow_run workflow with a"
          + " write token. Refuses a report whose repository, PR or head commit does not match"
          + " the API. Never builds or runs the PR's code.",
      "Exit codes as for pr."
    })
final class PublishCommand implements Callable<Integer> {
  @Parameters(
      arity = "0..1",
      paramLabel = "REPORT",
      description =
          "The report the measuring run wrote (default: sizebot-report.json in the workspace).")
  Optional<Path> report = Optional.empty();

  @Mixin JobConfig config = new JobConfig();

  @Spec CommandSpec spec;

  @ParentCommand Main main;

  @Override
  public Integer call() {
    ActionsContext context = ActionsContext.fromEnv(main.env());
    PublishJob job = new PublishJob(GitHubSession::open, StepFiles.random());
    return JobOutput.print(
        job.run(
            context,
            config.load(main),
            report.orElse(JobConfig.workspace(main).resolve("sizebot-report.json"))),
        spec.commandLine().getOut(),
        spec.commandLine().getErr());
  }
}
