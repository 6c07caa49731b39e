package dev.sizebot.cli;

import dev.sizebot.config.SizebotConfig;
import dev.sizebot.github.ActionsContext;
import dev.sizebot.github.GitHubSession;
import dev.sizebot.github.StepFiles;
import dev.sizebot.pipeline.JobResult;
import dev.sizebot.pipeline.PrJob;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code sizebot pr}: the Action's job on a pull request (wiring only; see {@link PrJob}). */
@Command(
    name = "pr",
    mixinStandardHelpOptions = true,
    description = {
      "The GitHub Action's job on a pull_request event: build every configured image at the PR's"
          + " merge-base and head, compare, judge each by its budget, write the JSON report, job"
          + " summary and outputs, then post the sticky comment, check run and suggestions.",
      "Exit 0 ok; 1 an image failed its budget (no override label); 2 invalid input;"
          + " 3 engine failure; 4 GitHub refused to publish (the report and summary are written"
          + " first; a fork's read-only token only warns)."
    })
final class PrCommand implements Callable<Integer> {
  @Option(
      names = "--publish",
      arity = "1",
      paramLabel = "BOOL",
      description =
          "Post to GitHub (default true, or SIZEBOT_PUBLISH). --publish=false in a fork's"
              + " pull_request run: the report is published later by 'sizebot publish' from"
              + " workflow_run.")
  Optional<Boolean> publish = Optional.empty();

  @Option(
      names = "--report",
      paramLabel = "FILE",
      description = "Where to write the JSON report (default: sizebot-report.json).")
  Path report = Path.of("sizebot-report.json");

  @Mixin JobConfig config = new JobConfig();

  @Spec CommandSpec spec;

  @ParentCommand Main main;

  // A docker action passes only the mode as an argument, so the measuring phase of the fork-safe
  // workflow says SIZEBOT_PUBLISH=false in the step's env instead.
  private boolean publish(Main main) {
    if (publish.isPresent()) {
      return publish.get();
    }
    String env = main.env().getOrDefault("SIZEBOT_PUBLISH", "true").strip();
    if (!env.equalsIgnoreCase("true") && !env.equalsIgnoreCase("false")) {
      throw dev.sizebot.common.SizebotException.invalidInput(
          "SIZEBOT_PUBLISH='" + env + "' is not true or false: set it to false to only measure");
    }
    return Boolean.parseBoolean(env);
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ActionsContext context = ActionsContext.fromEnv(main.env());
    SizebotConfig settings = config.load(main);
    PrJob job =
        new PrJob(
            new EngineMeasurer(main, err, settings.ignoredRules(), JobConfig.workspace(main)),
            GitHubSession::open,
            StepFiles.random());
    JobResult result = job.run(context, settings, publish(main), report);
    return JobOutput.print(result, out, err);
  }
}
