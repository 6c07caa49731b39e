package dev.sizebot.dockerfile;

import java.util.Objects;
import java.util.Optional;

/**
 * An instruction BuildKit's parser accepts but that cannot be typed (a missing argument, an unknown
 * flag, a word that does not expand, a CMD before the first FROM): its syntax is kept, exactly as
 * BuildKit split it, and its {@link BuildError}s say why it would not build. Rules never see it;
 * {@code sizebot parse} prints it in place.
 *
 * @param stage the index of the stage it sits in; empty before the first FROM
 */
public record InvalidInstruction(Node node, Optional<Integer> stage) {
  public InvalidInstruction {
    Objects.requireNonNull(node, "node");
    Objects.requireNonNull(stage, "stage");
  }

  public SourceRange range() {
    return node.range();
  }
}
