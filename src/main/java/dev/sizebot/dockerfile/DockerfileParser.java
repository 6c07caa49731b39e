package dev.sizebot.dockerfile;

import dev.sizebot.common.SizebotException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Builds the {@link Dockerfile} model: syntax first, then stages with BuildKit's scoping of
 * variables (global ARGs apply to FROM lines and to ARGs redeclared in a stage; ENV beats ARG; a
 * stage built FROM an earlier stage inherits its ENV and SHELL).
 */
final class DockerfileParser {
  static final List<String> DEFAULT_SHELL = List.of("/bin/sh", "-c");

  private final String source;
  private final Map<String, String> buildArgs;
  private char escape = '\\';
  private final List<Arg> globalArgs = new ArrayList<>();
  private final List<InvalidInstruction> invalid = new ArrayList<>();
  private final List<BuildError> errors = new ArrayList<>();

  DockerfileParser(String source, Map<String, String> buildArgs) {
    this.source = source;
    this.buildArgs = Map.copyOf(buildArgs);
  }

  static String readText(Path file) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw SizebotException.invalidInput(file + ": no such file (pass the path of a Dockerfile)");
    } catch (IOException e) {
      throw SizebotException.invalidInput(
          file + ": cannot read (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")", e);
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw SizebotException.invalidInput(file + ": not UTF-8 text (save the Dockerfile as UTF-8)");
    }
  }

  Dockerfile parse(String text) {
    SyntaxParser.Result syntax = new SyntaxParser(source, text).parse();
    escape = syntax.escape();
    InstructionTyper typer = new InstructionTyper(source, escape);
    Variables global = Variables.global();
    List<StageBuilder> stages = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (Node node : syntax.nodes()) {
      if (stages.isEmpty() && !node.keyword().equals("from")) {
        beforeFirstFrom(node, typer, global);
      } else if (node.keyword().equals("from")) {
        stages.add(newStage(stages, from(node, typer, global, names, stages.size()), global));
      } else {
        stages.get(stages.size() - 1).add(node, typer, stages.size() - 1);
      }
    }
    List<Stage> built = new ArrayList<>();
    for (int i = 0; i < stages.size(); i++) {
      built.add(stages.get(i).build(i));
    }
    return new Dockerfile(
        source,
        syntax.directives(),
        syntax.escape(),
        globalArgs,
        built,
        syntax.lines(),
        invalid,
        errors);
  }

  /** Only ARG may come before the first FROM (BuildKit: "no build stage in current context"). */
  private void beforeFirstFrom(Node node, InstructionTyper typer, Variables global) {
    try {
      if (node.keyword().equals("arg")) {
        globalArgs.add(globalArg((Arg) typer.type(node, global, DEFAULT_SHELL), global));
        return;
      }
    } catch (InstructionError e) {
      reject(node, Optional.empty(), e.error());
      return;
    }
    String keyword = node.keyword().toUpperCase(Locale.ROOT);
    SourceRange word = InstructionError.span(node, node.text().split("[\\s]", 2)[0]);
    invalid.add(new InvalidInstruction(node, Optional.empty()));
    errors.add(
        new BuildError(
            keyword + " before the first FROM: only ARG may come before FROM",
            word,
            node.range(),
            Optional.of("move " + keyword + " after the first FROM"),
            false));
    try {
      typer.type(node, global, DEFAULT_SHELL); // an unknown keyword still stops the parse here
    } catch (InstructionError e) {
      errors.add(e.error());
    }
  }

  /** A stage's FROM; one that does not type still starts the stage, so later lines stay in it. */
  private From from(
      Node node, InstructionTyper typer, Variables global, Set<String> names, int stage) {
    From from;
    try {
      from = (From) typer.type(node, global, DEFAULT_SHELL);
    } catch (InstructionError e) {
      reject(node, Optional.of(stage), e.error());
      String image = node.args().isEmpty() ? "" : node.args().get(0);
      return new From(node, image, Optional.empty(), Optional.empty());
    }
    if (from.stageName().isPresent() && !names.add(from.stageName().get())) {
      errors.add(
          new BuildError(
              "duplicate stage name \"" + from.stageName().get() + "\"",
              InstructionError.span(node, node.args().get(2)),
              node.range(),
              Optional.of("give each stage its own name"),
              false));
    }
    return from;
  }

  private void reject(Node node, Optional<Integer> stage, BuildError error) {
    invalid.add(new InvalidInstruction(node, stage));
    errors.add(error);
  }

  /** Global ARGs: each pair sees the ones before it, even within one instruction. */
  private Arg globalArg(Arg arg, Variables global) {
    List<ArgEntry> out = new ArrayList<>();
    WordLexer lexer = new WordLexer(escape, false, false);
    for (ArgEntry e : arg.entries()) {
      Optional<String> value = e.defaultValue().map(v -> expand(lexer, arg.node(), v, global));
      out.add(new ArgEntry(e.name(), value));
      Optional<String> effective = Optional.ofNullable(buildArgs.get(e.name())).or(() -> value);
      effective.ifPresentOrElse(v -> global.setArg(e.name(), v), () -> global.declare(e.name()));
    }
    return new Arg(arg.node(), out);
  }

  private String expand(WordLexer lexer, Node node, String word, Variables vars) {
    try {
      return lexer.processWord(word, vars);
    } catch (WordLexer.LexException ex) {
      throw InstructionError.at(
          node, "failed to process \"" + word + "\": " + ex.getMessage(), word, Optional.empty());
    }
  }

  private StageBuilder newStage(List<StageBuilder> stages, From from, Variables global) {
    Variables vars = Variables.stage();
    // A global ARG is out of scope in a stage until redeclared: BuildKit expands it to "" there.
    global.declaredNames().forEach(vars::declare);
    List<String> shell = DEFAULT_SHELL;
    String base = from.image().toLowerCase(Locale.ROOT);
    for (StageBuilder earlier : stages) {
      if (earlier.from.stageName().map(base::equals).orElse(false)) {
        earlier.vars.envValues().forEach(vars::setEnv);
        shell = earlier.shell;
      }
    }
    return new StageBuilder(from, vars, shell, global);
  }

  /** Accumulates one stage's instructions while tracking its variables and SHELL. */
  private final class StageBuilder {
    final From from;
    final Variables vars;
    final Variables global;
    final List<Instruction> instructions = new ArrayList<>();
    List<String> shell;

    StageBuilder(From from, Variables vars, List<String> shell, Variables global) {
      this.from = from;
      this.vars = vars;
      this.shell = shell;
      this.global = global;
    }

    void add(Node node, InstructionTyper typer, int index) {
      Instruction i;
      try {
        i = typer.type(node, vars, shell);
        if (i instanceof Arg arg) {
          i = stageArg(arg);
        }
      } catch (InstructionError e) {
        reject(node, Optional.of(index), e.error());
        return;
      }
      if (i instanceof Env env) {
        env.pairs().forEach(p -> vars.setEnv(p.key(), p.value()));
      } else if (i instanceof Shell sh) {
        shell = sh.shell();
      }
      instructions.add(i);
    }

    /** A stage ARG: build arg, else its own default, else the global ARG's value. */
    private Arg stageArg(Arg arg) {
      Variables before = vars.copy();
      List<ArgEntry> out = new ArrayList<>();
      WordLexer lexer = new WordLexer(escape, false, false);
      for (ArgEntry e : arg.entries()) {
        Optional<String> value = e.defaultValue().map(v -> expand(lexer, arg.node(), v, before));
        out.add(new ArgEntry(e.name(), value));
        Optional<String> effective =
            Optional.ofNullable(buildArgs.get(e.name()))
                .or(() -> value)
                .or(() -> global.get(e.name()));
        effective.ifPresentOrElse(v -> vars.setArg(e.name(), v), () -> vars.declare(e.name()));
      }
      return new Arg(arg.node(), out);
    }

    Stage build(int index) {
      return new Stage(index, from, instructions, shell);
    }
  }
}
