package dev.sizebot.cli;

import dev.sizebot.common.ExitCode;
import dev.sizebot.common.SizebotException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code sizebot inspect}: placeholder until its issue lands. */
@Command(
    name = "inspect",
    mixinStandardHelpOptions = true,
    description = "Show one image: layers, sizes, largest files and waste.")
final class InspectCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    throw new SizebotException(ExitCode.INTERNAL, "'sizebot inspect' is not implemented yet");
  }
}
