package dev.sizebot.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The shape shared by the rules that find a package-manager cache left in a RUN's layer (apt lists,
 * apk, rpm, pip, uv, npm/yarn): each rule only says which shipping RUN leaks which cache and how to
 * edit the RUN; the finding, its replacement fix and the evidence sizing are the same for all.
 */
abstract class CacheLeft implements Rule {
  /**
   * One cache a RUN leaves behind: the directory (sized from the evidence), the finding's message,
   * and the fix's title and edit of the RUN's text.
   */
  record Leak(String cache, String message, String fixTitle, UnaryOperator<RunText> edit) {}

  /** The caches this shipping RUN leaves in its layer, in the order they are reported. */
  abstract List<Leak> leaks(StageRun run);

  @Override
  public final List<Finding> check(LintInput input) {
    List<Finding> findings = new ArrayList<>();
    for (StageRun run : StageRun.shipping(input.dockerfile())) {
      for (Leak leak : leaks(run)) {
        Finding finding =
            run.withEdit(info().at(run.lines(), leak.message()), leak.fixTitle(), leak.edit());
        findings.add(Proof.bytesUnder(finding, input.evidence(), run.line(), leak.cache()));
      }
    }
    return findings;
  }
}
