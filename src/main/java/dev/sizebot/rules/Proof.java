package dev.sizebot.rules;

import dev.sizebot.common.UnixPath;
import java.util.Optional;

/** Asks the evidence about a finding and, when the image answers, attaches the proof. */
final class Proof {
  private Proof() {}

  /** Attaches the bytes {@code dir} holds in the layer of the RUN at {@code line}. */
  static Finding bytesUnder(Finding finding, Evidence evidence, int line, String dir) {
    Optional<ShippedBytes> bytes = evidence.bytesUnder(line, UnixPath.of(dir));
    return bytes
        .map(
            b ->
                finding.withEvidence(
                    b, dir + " holds " + b.size().human() + " in the layer of line " + line))
        .orElse(finding);
  }

  /** The first directory of {@code dirs} the image proves non-empty, else {@code finding}. */
  static Finding bytesUnderAny(Finding finding, Evidence evidence, int line, String... dirs) {
    Finding result = finding;
    for (String dir : dirs) {
      Finding proved = bytesUnder(finding, evidence, line, dir);
      if (proved.savings().isPresent()) {
        return proved;
      }
      if (proved.evidence().isPresent() && result.evidence().isEmpty()) {
        result = proved;
      }
    }
    return result;
  }
}
