package dev.sizebot.rules;

import dev.sizebot.dockerfile.Instruction;
import dev.sizebot.dockerfile.SourceRange;

/** Converts the parser's ranges to the lines findings and fixes address. */
final class Lines {
  private Lines() {}

  static LineRange of(SourceRange range) {
    return new LineRange(range.startLine(), range.endLine());
  }

  static LineRange of(Instruction instruction) {
    return of(instruction.range());
  }

  /** From the first line of {@code first} to the last line of {@code last}. */
  static LineRange span(Instruction first, Instruction last) {
    return new LineRange(first.range().startLine(), last.range().endLine());
  }
}
