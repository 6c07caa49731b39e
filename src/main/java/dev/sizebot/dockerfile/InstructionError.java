package dev.sizebot.dockerfile;

import java.util.Optional;

/**
 * Thrown while typing one instruction that BuildKit's parser accepted but its instruction checks
 * reject; {@link DockerfileParser} catches it, keeps the instruction as an {@link
 * InvalidInstruction} and records the {@link BuildError}.
 */
final class InstructionError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient BuildError error;

  InstructionError(BuildError error) {
    super(error.message(), null, false, false);
    this.error = error;
  }

  BuildError error() {
    return error;
  }

  /** An error spanning the whole instruction. */
  static InstructionError whole(Node node, String message) {
    return new InstructionError(
        new BuildError(message, node.range(), node.range(), Optional.empty(), false));
  }

  /** An error at the first occurrence of {@code needle} in the instruction's text. */
  static InstructionError at(Node node, String message, String needle, Optional<String> fix) {
    return new InstructionError(
        new BuildError(message, span(node, needle), node.range(), fix, false));
  }

  /** The same error, found in an ONBUILD trigger: it fails in a build FROM this image. */
  InstructionError inChildBuild(Node onbuild) {
    BuildError e = error;
    return new InstructionError(
        new BuildError(
            "ONBUILD trigger: " + e.message() + " (fails in every build FROM this image)",
            e.at(),
            onbuild.range(),
            e.fix(),
            true));
  }

  /**
   * Where {@code needle} first occurs in the node's source text, as a range; the whole instruction
   * when it does not occur (the text was rewritten by continuation lines, say).
   */
  static SourceRange span(Node node, String needle) {
    SourceRange r = node.range();
    int index = needle.isEmpty() ? -1 : node.text().indexOf(needle);
    if (index < 0) {
      return r;
    }
    int[] start = position(node, index);
    int[] end = position(node, index + needle.length());
    return new SourceRange(start[0], start[1], end[0], end[1]);
  }

  /** Line and column of an offset into the node's text, which starts at the range's column. */
  private static int[] position(Node node, int offset) {
    String text = node.text();
    int line = node.range().startLine();
    int lineStart = 0;
    for (int i = 0; i < offset; i++) {
      if (text.charAt(i) == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    int column = offset - lineStart + 1;
    if (line == node.range().startLine()) {
      column += node.range().startColumn() - 1;
    }
    return new int[] {line, column};
  }
}
