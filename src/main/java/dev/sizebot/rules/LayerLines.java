package dev.sizebot.rules;

import java.util.Map;
import java.util.Optional;

/**
 * Which image layer each Dockerfile instruction made: the instruction's first line → the layer's
 * position (from 0, base first). The caller ties history to lines (the {@code diff} package's step
 * mapping); instructions that made no layer (ENV, ARG, other stages, …) are simply absent.
 */
public record LayerLines(Map<Integer, Integer> positions) {
  public LayerLines {
    positions = Map.copyOf(positions);
    positions.forEach(
        (line, position) -> {
          if (line < 1 || position < 0) {
            throw new IllegalArgumentException("bad layer line " + line + " → " + position);
          }
        });
  }

  /** The position of the layer the instruction at {@code line} made, if it made one. */
  public Optional<Integer> layerOf(int line) {
    return Optional.ofNullable(positions.get(line));
  }
}
