package dev.sizebot.diff;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * Lines up base and head steps the way a reviewer would: a weighted longest-common-subsequence
 * (Needleman–Wunsch with free gaps) over the two step lists, so an inserted or removed step is a
 * gap and never shifts the pairing of the steps after it.
 *
 * <p>A pair scores, in this order of weight: the same layer digest; the same normalized
 * instruction; a similar instruction of the same keyword (an edited step, Levenshtein similarity at
 * least {@value #EDIT_SIMILARITY}); the same Dockerfile line as a tie-breaker. Pairs that share
 * neither a digest nor a similar instruction are never made. Order within the image is kept by
 * construction. When both sides know their base-image split, base-image steps align only with
 * base-image steps and build steps only with build steps.
 */
public final class StepAlignment {
  static final double EDIT_SIMILARITY = 0.6;
  private static final double NEVER = Double.NEGATIVE_INFINITY;

  private StepAlignment() {}

  public static List<StepChange> align(List<Step> base, List<Step> head) {
    boolean split =
        !base.isEmpty()
            && !head.isEmpty()
            && (base.stream().anyMatch(Step::fromBaseImage) || hasLines(base))
            && (head.stream().anyMatch(Step::fromBaseImage) || hasLines(head));
    if (!split) {
      return alignRun(base, head);
    }
    List<StepChange> out = new ArrayList<>(alignRun(fromBase(base, true), fromBase(head, true)));
    out.addAll(alignRun(fromBase(base, false), fromBase(head, false)));
    return List.copyOf(out);
  }

  private static boolean hasLines(List<Step> steps) {
    return steps.stream().anyMatch(s -> s.line().isPresent());
  }

  private static List<Step> fromBase(List<Step> steps, boolean fromBase) {
    return steps.stream().filter(s -> s.fromBaseImage() == fromBase).toList();
  }

  private static List<StepChange> alignRun(List<Step> base, List<Step> head) {
    int n = base.size();
    int m = head.size();
    double[][] pair = new double[n][m];
    double[][] best = new double[n + 1][m + 1];
    for (int i = 1; i <= n; i++) {
      for (int j = 1; j <= m; j++) {
        pair[i - 1][j - 1] = score(base.get(i - 1), head.get(j - 1));
        double diagonal = best[i - 1][j - 1] + pair[i - 1][j - 1];
        best[i][j] = Math.max(diagonal, Math.max(best[i - 1][j], best[i][j - 1]));
      }
    }
    List<StepChange> reversed = new ArrayList<>(n + m);
    int i = n;
    int j = m;
    while (i > 0 || j > 0) {
      if (i > 0
          && j > 0
          && pair[i - 1][j - 1] != NEVER
          && best[i][j] == best[i - 1][j - 1] + pair[i - 1][j - 1]) {
        Step b = base.get(--i);
        Step h = head.get(--j);
        reversed.add(StepChange.paired(b, h, matchOf(b, h)));
      } else if (j > 0 && (i == 0 || best[i][j] == best[i][j - 1])) {
        reversed.add(StepChange.added(head.get(--j)));
      } else {
        reversed.add(StepChange.removed(base.get(--i)));
      }
    }
    Collections.reverse(reversed);
    return List.copyOf(reversed);
  }

  static double score(Step b, Step h) {
    boolean sameDigest = sameContent(b, h);
    double similarity = similarity(b.instruction(), h.instruction());
    if (!sameDigest && similarity < EDIT_SIMILARITY) {
      return NEVER;
    }
    double instruction = similarity == 1.0 ? 3 : similarity >= EDIT_SIMILARITY ? 2 * similarity : 0;
    double line = b.line().isPresent() && b.line().equals(h.line()) ? 0.5 : 0;
    return (sameDigest ? 4 : 0) + instruction + line;
  }

  // The empty tar has one well-known diffID that many unrelated steps share (a RUN that wrote
  // nothing, a classic-builder WORKDIR), so only a layer with content counts as the same step by
  // digest alone.
  private static boolean sameContent(Step b, Step h) {
    return b.diffId().isPresent()
        && b.diffId().equals(h.diffId())
        && !b.layer().orElseThrow().index().entries().isEmpty();
  }

  static Match matchOf(Step b, Step h) {
    if (b.diffId().isPresent() && b.diffId().equals(h.diffId())) {
      return Match.UNCHANGED;
    }
    boolean sameInstruction = b.instruction().key().equals(h.instruction().key());
    if (sameInstruction && b.layer().isEmpty() && h.layer().isEmpty()) {
      return Match.UNCHANGED;
    }
    return sameInstruction ? Match.CHANGED : Match.EDITED;
  }

  /** 1.0 for the same instruction; else normalized Levenshtein similarity of the same keyword. */
  static double similarity(CreatedBy a, CreatedBy b) {
    if (a.key().equals(b.key())) {
      return 1.0;
    }
    if (!a.keyword().equals(b.keyword())) {
      return 0.0;
    }
    int longest = Math.max(a.key().length(), b.key().length());
    // Only edits within (1 - EDIT_SIMILARITY) of the length matter; the bounded distance keeps
    // long RUN lines cheap and returns -1 beyond the bound.
    int bound = (int) Math.floor(longest * (1 - EDIT_SIMILARITY));
    int distance = new LevenshteinDistance(bound).apply(a.key(), b.key());
    return distance < 0 ? 0.0 : 1.0 - (double) distance / longest;
  }
}
