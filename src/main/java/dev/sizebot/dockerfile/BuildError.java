package dev.sizebot.dockerfile;

import java.util.Objects;
import java.util.Optional;

/**
 * Why an instruction that BuildKit's parser accepts would stop the build: BuildKit parses the whole
 * file first and judges each instruction later (its instructions package, then the conversion to
 * LLB), so sizebot keeps the instruction in the model and attaches this instead of refusing the
 * file.
 *
 * @param message BuildKit's reason, with what to do where sizebot knows it
 * @param at the exact offending text: a flag, a word, a keyword, or the whole instruction
 * @param instruction the range of the instruction it belongs to (an ONBUILD's, for its trigger)
 * @param fix one line saying how to fix it, when there is an obvious fix
 * @param inChildBuild true for an ONBUILD trigger, which BuildKit checks only when an image is
 *     built FROM this one; this file itself still builds
 */
public record BuildError(
    String message,
    SourceRange at,
    SourceRange instruction,
    Optional<String> fix,
    boolean inChildBuild) {
  public BuildError {
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(instruction, "instruction");
    Objects.requireNonNull(fix, "fix");
  }
}
