package dev.sizebot.cli;

import dev.sizebot.common.ExitCode;
import dev.sizebot.common.SizebotException;
import dev.sizebot.image.ReadLimits;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** Entry point: wires the subcommands and maps every error to one line and an exit code. */
@Command(
    name = "sizebot",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = "Docker image size diffs, waste analysis and Dockerfile fixes.",
    subcommands = {
      InspectCommand.class,
      LintCommand.class,
      ParseCommand.class,
      CompareCommand.class,
      PrCommand.class,
      PublishCommand.class,
      MergeCommand.class,
      AuditCommand.class,
      CommandLine.HelpCommand.class
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:ok",
      "1:budget exceeded (or lint findings at/above --fail-on)",
      "2:invalid input",
      "3:engine or environment failure",
      "4:GitHub publish failure",
      "70:internal bug (please report it, with --debug output)"
    })
public final class Main implements Runnable {
  @Option(
      names = "--debug",
      scope = ScopeType.INHERIT,
      description = "Print stack traces and engine details on errors.")
  boolean debug;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** Bounds for every image this run reads (tests lower them to reach the caps cheaply). */
  private final ReadLimits limits;

  /** The process environment (tests pass their own: the GitHub jobs read Actions' variables). */
  private final java.util.Map<String, String> env;

  private Main(ReadLimits limits, java.util.Map<String, String> env) {
    this.limits = limits;
    this.env = java.util.Map.copyOf(env);
  }

  public static void main(String[] args) {
    ShutdownGate.install();
    PrintWriter out = gated(System.out);
    PrintWriter err = gated(System.err);
    System.exit(run(args, out, err));
  }

  private static PrintWriter gated(java.io.OutputStream stream) {
    return new PrintWriter(
        ShutdownGate.around(new java.io.OutputStreamWriter(stream, StandardCharsets.UTF_8)), true);
  }

  /** Runs sizebot with the given streams and returns the exit code (tests call this directly). */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    return run(args, out, err, ReadLimits.DEFAULT);
  }

  /** {@link #run(String[], PrintWriter, PrintWriter)} with other read limits. */
  static int run(String[] args, PrintWriter out, PrintWriter err, ReadLimits limits) {
    return execute(commandLine(out, err, limits), args);
  }

  /** {@link #run(String[], PrintWriter, PrintWriter)} in the environment {@code env}. */
  static int run(
      String[] args, PrintWriter out, PrintWriter err, java.util.Map<String, String> env) {
    return execute(commandLine(out, err, ReadLimits.DEFAULT, env), args);
  }

  /** The command tree with sizebot's error handling, before it runs. */
  static CommandLine commandLine(PrintWriter out, PrintWriter err, ReadLimits limits) {
    return commandLine(out, err, limits, System.getenv());
  }

  static CommandLine commandLine(
      PrintWriter out, PrintWriter err, ReadLimits limits, java.util.Map<String, String> env) {
    Main main = new Main(limits, env);
    CommandLine cli = new CommandLine(main);
    cli.setOut(out);
    cli.setErr(err);
    cli.setExecutionExceptionHandler(new Errors(main));
    cli.setParameterExceptionHandler(Errors::onBadParameters);
    // --format json and --format JSON alike, in every command (lint always took either).
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    return cli;
  }

  static int execute(CommandLine cli, String[] args) {
    int code = cli.execute(args);
    cli.getOut().flush();
    cli.getErr().flush();
    return code;
  }

  boolean debug() {
    return debug;
  }

  ReadLimits limits() {
    return limits;
  }

  java.util.Map<String, String> env() {
    return env;
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(),
        "missing command (inspect, lint, parse, compare, pr, publish, merge, audit)");
  }

  /** Maps exceptions to one line on stderr and an exit code; stack traces only with --debug. */
  private record Errors(Main main) implements CommandLine.IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(
        Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
      PrintWriter err = cmd.getErr();
      if (e instanceof SizebotException s) {
        err.println("sizebot: error: " + s.getMessage());
        if (main.debug()) {
          s.printStackTrace(err);
        }
        err.flush();
        return s.exitCode().code();
      }
      err.println(
          "sizebot: internal error: "
              + e.getClass().getSimpleName()
              + ": "
              + String.valueOf(e.getMessage()).replaceAll("\\s+", " ")
              + (main.debug() ? "" : " (rerun with --debug for details and report it)"));
      if (main.debug()) {
        e.printStackTrace(err);
      }
      err.flush();
      return ExitCode.INTERNAL.code();
    }

    static int onBadParameters(CommandLine.ParameterException e, String[] args) {
      CommandLine cmd = e.getCommandLine();
      PrintWriter err = cmd.getErr();
      err.println(
          "sizebot: error: "
              + e.getMessage().replaceAll("\\s+", " ")
              + " (see '"
              + cmd.getCommandSpec().qualifiedName()
              + " --help')");
      err.flush();
      return ExitCode.INVALID_INPUT.code();
    }
  }
}
