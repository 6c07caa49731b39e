package dev.sizebot.cli;

import dev.sizebot.common.ExitCode;
import dev.sizebot.common.SizebotException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code sizebot compare}: placeholder until its issue lands. */
@Command(
    name = "compare",
    mixinStandardHelpOptions = true,
    description = "Compare two images and report what changed.")
final class CompareCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    throw new SizebotException(ExitCode.INTERNAL, "'sizebot compare' is not implemented yet");
  }
}
