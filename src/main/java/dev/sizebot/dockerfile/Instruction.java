package dev.sizebot.dockerfile;

import java.util.List;

/**
 * One typed Dockerfile instruction. Every variant keeps its {@link Node} (keyword, flags, raw
 * arguments, heredocs, source range and original text); the typed fields hold values after
 * BuildKit's ARG/ENV expansion where BuildKit applies it (FROM, COPY, ADD, ENV, ARG, LABEL, USER,
 * WORKDIR, VOLUME, EXPOSE, STOPSIGNAL) and the raw text elsewhere (RUN, CMD, ENTRYPOINT, SHELL,
 * HEALTHCHECK, which a shell or the runtime interprets).
 */
public sealed interface Instruction
    permits From,
        Run,
        Copy,
        Add,
        Env,
        Arg,
        User,
        Workdir,
        Cmd,
        Entrypoint,
        Expose,
        Label,
        Healthcheck,
        Shell,
        Volume,
        StopSignal,
        Onbuild,
        Maintainer {

  /** The parsed syntax this instruction was typed from. */
  Node node();

  /** Lower-case keyword, e.g. {@code run}. */
  default String keyword() {
    return node().keyword();
  }

  default SourceRange range() {
    return node().range();
  }

  /** The exact original source text of the instruction's lines. */
  default String text() {
    return node().text();
  }

  default List<String> flags() {
    return node().flags();
  }
}
