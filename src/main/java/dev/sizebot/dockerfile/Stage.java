package dev.sizebot.dockerfile;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One build stage: its FROM and the instructions after it, up to the next FROM.
 *
 * @param index 0-based position among the file's stages
 * @param instructions the stage's instructions after its FROM, in file order
 * @param shell the SHELL in effect at the end of the stage (inherited from a parent stage)
 */
public record Stage(int index, From from, List<Instruction> instructions, List<String> shell) {
  public Stage {
    if (index < 0) {
      throw new IllegalArgumentException("index must be >= 0: " + index);
    }
    Objects.requireNonNull(from, "from");
    instructions = List.copyOf(instructions);
    shell = List.copyOf(shell);
  }

  /** The {@code AS} name, lower-cased as BuildKit stores it. */
  public Optional<String> name() {
    return from.stageName();
  }

  /** The name, or the index as a string, as BuildKit accepts both in {@code COPY --from}. */
  public String reference() {
    return name().orElse(Integer.toString(index));
  }

  /** The instructions of one type, in file order (e.g. {@code stage.all(Run.class)}). */
  public <T extends Instruction> List<T> all(Class<T> type) {
    return instructions.stream().filter(type::isInstance).map(type::cast).toList();
  }

  /** The FROM followed by the stage's instructions. */
  public List<Instruction> withFrom() {
    return java.util.stream.Stream.concat(
            java.util.stream.Stream.of((Instruction) from), instructions.stream())
        .toList();
  }

  /** The range from the FROM line to the stage's last instruction. */
  public SourceRange range() {
    SourceRange first = from.range();
    SourceRange last =
        instructions.isEmpty() ? first : instructions.get(instructions.size() - 1).range();
    return new SourceRange(
        first.startLine(), first.startColumn(), last.endLine(), last.endColumn());
  }
}
