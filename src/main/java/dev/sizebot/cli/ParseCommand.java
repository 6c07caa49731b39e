package dev.sizebot.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.sizebot.common.ExitCode;
import dev.sizebot.common.SizebotException;
import dev.sizebot.dockerfile.Dockerfile;
import dev.sizebot.dockerfile.ParseTree;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code sizebot parse Dockerfile}: the parsed model as JSON, for tooling. */
@Command(
    name = "parse",
    mixinStandardHelpOptions = true,
    description = "Print the parsed Dockerfile model as JSON (BuildKit's parse, with expansion).")
final class ParseCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "DOCKERFILE", description = "The Dockerfile to parse.")
  Path dockerfile;

  @Option(
      names = "--build-arg",
      paramLabel = "NAME=VALUE",
      description = "A build argument, as for docker build (repeatable).")
  Map<String, String> buildArgs = new LinkedHashMap<>();

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    Dockerfile parsed =
        Dockerfile.parse(
            readText(), dockerfile.toString(), buildArgs == null ? Map.of() : buildArgs);
    Map<String, Object> tree = new LinkedHashMap<>();
    tree.put("file", dockerfile.toString());
    tree.putAll(ParseTree.of(parsed));
    try {
      String json =
          new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(tree);
      spec.commandLine().getOut().println(json);
    } catch (JsonProcessingException e) {
      throw new SizebotException(ExitCode.INTERNAL, "cannot render the parse tree as JSON", e);
    }
    return ExitCode.OK.code();
  }

  private String readText() {
    return Dockerfile.readText(dockerfile);
  }
}
