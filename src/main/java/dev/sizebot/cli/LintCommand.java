package dev.sizebot.cli;

import dev.sizebot.common.ExitCode;
import dev.sizebot.common.SizebotException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code sizebot lint}: placeholder until its issue lands. */
@Command(
    name = "lint",
    mixinStandardHelpOptions = true,
    description = "Static Dockerfile findings with fixes.")
final class LintCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    throw new SizebotException(ExitCode.INTERNAL, "'sizebot lint' is not implemented yet");
  }
}
