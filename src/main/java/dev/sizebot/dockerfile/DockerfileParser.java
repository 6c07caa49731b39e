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
    List<Arg> globalArgs = new ArrayList<>();
    List<StageBuilder> stages = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (Node node : syntax.nodes()) {
      if (stages.isEmpty() && !node.keyword().equals("from")) {
        if (!node.keyword().equals("arg")) {
          typer.type(node, global, DEFAULT_SHELL); // reports unknown instructions first
          throw typer.fail(
              node,
              node.keyword().toUpperCase(Locale.ROOT)
                  + " before the first FROM: only ARG may come before FROM");
        }
        globalArgs.add(globalArg((Arg) typer.type(node, global, DEFAULT_SHELL), global));
        continue;
      }
      if (node.keyword().equals("from")) {
        From from = (From) typer.type(node, global, DEFAULT_SHELL);
        if (from.stageName().isPresent() && !names.add(from.stageName().get())) {
          throw typer.fail(node, "duplicate stage name \"" + from.stageName().get() + "\"");
        }
        stages.add(newStage(stages, from, global));
        continue;
      }
      stages.get(stages.size() - 1).add(node, typer);
    }
    List<Stage> built = new ArrayList<>();
    for (int i = 0; i < stages.size(); i++) {
      built.add(stages.get(i).build(i));
    }
    return new Dockerfile(
        source, syntax.directives(), syntax.escape(), globalArgs, built, syntax.lines());
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
      throw ParseErrors.at(
          source,
          node.range().startLine(),
          "failed to process \"" + word + "\": " + ex.getMessage());
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

    void add(Node node, InstructionTyper typer) {
      Instruction i = typer.type(node, vars, shell);
      if (i instanceof Arg arg) {
        i = stageArg(arg);
      } else if (i instanceof Env env) {
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
