package dev.sizebot.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.sizebot.common.ExitCode;
import dev.sizebot.common.SizebotException;
import dev.sizebot.dockerfile.BuildError;
import dev.sizebot.dockerfile.Dockerfile;
import dev.sizebot.dockerfile.ParseTree;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code sizebot parse Dockerfile}: the parsed model as JSON, for tooling. A file BuildKit's parser
 * accepts always prints its whole model; when an instruction would stop the build, the model still
 * goes to stdout (the instruction carries {@code errors}), stderr gets one summary line and the
 * exit code is 2.
 */
@Command(
    name = "parse",
    mixinStandardHelpOptions = true,
    description = "Print the parsed Dockerfile model as JSON (BuildKit's parse, with expansion).")
final class ParseCommand implements Callable<Integer> {
  enum Format {
    json
  }

  @Parameters(index = "0", paramLabel = "DOCKERFILE", description = "The Dockerfile to parse.")
  Path dockerfile;

  @Option(
      names = "--build-arg",
      paramLabel = "NAME=VALUE",
      description = "A build argument, as for docker build (repeatable).")
  Map<String, String> buildArgs = new LinkedHashMap<>();

  @Option(
      names = "--format",
      defaultValue = "json",
      description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  Format format;

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
      spec.commandLine().getOut().flush();
    } catch (JsonProcessingException e) {
      throw new SizebotException(ExitCode.INTERNAL, "cannot render the parse tree as JSON", e);
    }
    if (!parsed.failsToBuild()) {
      return ExitCode.OK.code();
    }
    spec.commandLine().getErr().println("sizebot: error: " + summary(parsed));
    spec.commandLine().getErr().flush();
    return ExitCode.INVALID_INPUT.code();
  }

  /** One line: how many instructions would fail, and the first one's place and reason. */
  static String summary(Dockerfile parsed) {
    List<BuildError> fatal = parsed.errors().stream().filter(e -> !e.inChildBuild()).toList();
    long count = fatal.stream().map(BuildError::instruction).distinct().count();
    BuildError first = fatal.get(0);
    return parsed.source()
        + ":"
        + first.at().startLine()
        + ":"
        + first.at().startColumn()
        + ": "
        + first.message().replaceAll("\\.$", "")
        + (count > 1 ? " (and " + (count - 1) + " more)" : "")
        + "; the build would stop there (the model on stdout lists every error under \"errors\")";
  }

  private String readText() {
    return Dockerfile.readText(dockerfile);
  }
}
