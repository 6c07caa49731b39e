package dev.sizebot.dockerfile;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A parsed Dockerfile: parser directives, global ARGs (before the first FROM), stages, and the
 * source lines (without line endings) so fixes can replace an instruction's exact lines. Parse with
 * {@link #parse(String, String)} or {@link #read(Path)}. A file BuildKit's parser rejects is a
 * {@code SizebotException} (invalid input) naming the file and line; an instruction that parses but
 * would not build is kept as an {@link InvalidInstruction} with its {@link BuildError}s.
 *
 * @param source the file name used in messages
 * @param escape the escape character: {@code \} or, with {@code # escape=`}, a backtick
 * @param invalid the instructions BuildKit's parser accepts but that would not build, in file
 *     order; they are in no stage's instruction list
 * @param errors why each of them (or a typed instruction, such as a FROM reusing a stage name)
 *     would not build, in file order
 */
public record Dockerfile(
    String source,
    List<Directive> directives,
    char escape,
    List<Arg> globalArgs,
    List<Stage> stages,
    List<String> lines,
    List<InvalidInstruction> invalid,
    List<BuildError> errors) {
  public Dockerfile {
    Objects.requireNonNull(source, "source");
    directives = List.copyOf(directives);
    globalArgs = List.copyOf(globalArgs);
    stages = List.copyOf(stages);
    lines = List.copyOf(lines);
    invalid = List.copyOf(invalid);
    errors = List.copyOf(errors);
  }

  /** A Dockerfile in which every instruction builds. */
  public Dockerfile(
      String source,
      List<Directive> directives,
      char escape,
      List<Arg> globalArgs,
      List<Stage> stages,
      List<String> lines) {
    this(source, directives, escape, globalArgs, stages, lines, List.of(), List.of());
  }

  /** Whether building this file would stop at an instruction (ONBUILD triggers do not count). */
  public boolean failsToBuild() {
    return errors.stream().anyMatch(e -> !e.inChildBuild());
  }

  /** The errors of the instruction at {@code range}, in the order they were found. */
  public List<BuildError> errorsOf(SourceRange range) {
    return errors.stream().filter(e -> e.instruction().equals(range)).toList();
  }

  /** Parses Dockerfile text; {@code source} names it in error messages. */
  public static Dockerfile parse(String text, String source) {
    return new DockerfileParser(source, Map.of()).parse(text);
  }

  /** Parses with build arguments ({@code --build-arg}), which override ARG defaults. */
  public static Dockerfile parse(String text, String source, Map<String, String> buildArgs) {
    return new DockerfileParser(source, buildArgs).parse(text);
  }

  /** Reads and parses a file (UTF-8, BOM allowed). */
  public static Dockerfile read(Path file) {
    return parse(readText(file), file.toString());
  }

  /**
   * Reads a Dockerfile's text as UTF-8; a missing, unreadable or non-UTF-8 file is invalid input
   * with a one-line message.
   */
  public static String readText(Path file) {
    return DockerfileParser.readText(file);
  }

  /** A directive's value, e.g. {@code directive("syntax")}. */
  public Optional<String> directive(String name) {
    return directives.stream().filter(d -> d.name().equals(name)).map(Directive::value).findFirst();
  }

  /** The last stage, the one built when no target is given. */
  public Stage finalStage() {
    return stages.get(stages.size() - 1);
  }

  /** The stage named {@code name} (case-insensitive) or with that index. */
  public Optional<Stage> stage(String name) {
    String lower = name.toLowerCase(java.util.Locale.ROOT);
    return stages.stream().filter(s -> s.reference().equals(lower)).findFirst();
  }

  /** Every instruction in file order: global ARGs, then each stage's FROM and instructions. */
  public List<Instruction> instructions() {
    List<Instruction> all = new ArrayList<>(globalArgs);
    stages.forEach(s -> all.addAll(s.withFrom()));
    return all;
  }

  /**
   * The comment lines directly above an instruction (no blank line between), top to bottom, with
   * the {@code #} and surrounding blanks removed — where inline markers such as {@code # sizebot
   * ignore=SB101} live. Parser directives count as comments too, as in BuildKit.
   */
  public List<String> commentsBefore(SourceRange range) {
    List<String> comments = new ArrayList<>();
    for (int i = range.startLine() - 2; i >= 0; i--) {
      String line = lines.get(i).strip();
      if (!line.startsWith("#")) {
        break;
      }
      comments.add(0, line.substring(1).strip());
    }
    return comments;
  }

  /** The source lines of a range, joined with {@code \n}. */
  public String text(SourceRange range) {
    return String.join("\n", lines.subList(range.startLine() - 1, range.endLine()));
  }
}
