package dev.sizebot.diff;

import java.util.List;

/**
 * What the Dockerfile says about an image's history: the source lines of the instructions this
 * build added, in order. Every instruction of the final stage except {@code FROM} writes exactly
 * one history entry (BuildKit and the classic builder alike, ARG included), so they are the last
 * {@code lines.size()} entries of the history and everything before them came with the base image.
 *
 * <p>This is how sizebot recognises base-image steps: an image alone cannot tell them apart (both
 * kinds carry the same {@code created_by} dialects), so without a Dockerfile the split is unknown
 * and no drift is claimed.
 */
public record BuildSteps(List<Integer> lines) {
  public BuildSteps {
    lines = List.copyOf(lines);
  }

  public int count() {
    return lines.size();
  }
}
