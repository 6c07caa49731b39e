package dev.sizebot.cli;

import dev.sizebot.common.ExitCode;
import dev.sizebot.common.SizebotException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code sizebot parse}: placeholder until its issue lands. */
@Command(
    name = "parse",
    mixinStandardHelpOptions = true,
    description = "Print the parsed Dockerfile model as JSON.")
final class ParseCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    throw new SizebotException(ExitCode.INTERNAL, "'sizebot parse' is not implemented yet");
  }
}
