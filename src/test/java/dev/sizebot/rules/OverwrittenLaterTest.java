package dev.sizebot.rules;

import static dev.sizebot.rules.AddedThenDeletedTest.dead;
import static dev.sizebot.rules.RuleCheck.findings;
import static dev.sizebot.rules.RuleCheck.lines;
import static dev.sizebot.rules.RuleCheck.parse;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sizebot.analysis.Cause;
import dev.sizebot.common.ByteSize;
import java.util.List;
import org.junit.jupiter.api.Test;

class OverwrittenLaterTest {
  private static final OverwrittenLater RULE = new OverwrittenLater();

  private static final String UPDATE_THEN_INSTALL =
      lines(
          "FROM debian:12-slim",
          "RUN apt-get update",
          "# the tools",
          "RUN apt-get update && apt-get install -y curl",
          "USER 1000");

  private static List<Finding> lint(String text, FakeEvidence evidence) {
    return findings(RULE, LintInput.of(parse(text)).withEvidence(evidence));
  }

  private static FakeEvidence listsRewritten(int line, int removedAt) {
    return new FakeEvidence()
        .dead(
            line,
            dead(
                line,
                "/var/lib/apt/lists/deb_Packages",
                9_000_000,
                removedAt,
                "/var/lib/apt/lists/deb_Packages",
                Cause.OVERWRITTEN))
        .dead(
            line,
            dead(
                line,
                "/var/cache/apt/pkgcache.bin",
                30_000_000,
                removedAt,
                "/var/cache/apt/pkgcache.bin",
                Cause.OVERWRITTEN));
  }

  @Test
  void filesALaterRunRewritesAreFoundOnTheFirstWriterWithTheirBytes() {
    Finding f = lint(UPDATE_THEN_INSTALL, listsRewritten(2, 4)).get(0);
    assertThat(f.location()).isEqualTo(LineRange.of(2));
    assertThat(f.message())
        .isEqualTo(
            "the RUN at line 2 writes files that line 4 overwrites:"
                + " /var/cache/apt/pkgcache.bin (30.0 MB), /var/lib/apt/lists/deb_Packages (9.00 MB)");
    assertThat(f.savings()).contains(ByteSize.of(39_000_000));
    assertThat(f.evidence())
        .contains("39.0 MB written at line 2 and overwritten at line 4 is still shipped");
  }

  @Test
  void twoNeighbouringRunsAreMergedSoEachFileIsWrittenOnce() {
    Finding f = lint(UPDATE_THEN_INSTALL, listsRewritten(2, 4)).get(0);
    Fix.Replacement fix = (Fix.Replacement) f.fix().orElseThrow();
    assertThat(fix.lines()).isEqualTo(new LineRange(2, 4));
    assertThat(fix.applyTo(UPDATE_THEN_INSTALL))
        .isEqualTo(
            lines(
                "FROM debian:12-slim",
                "RUN apt-get update \\",
                "    && apt-get update && apt-get install -y curl",
                "# the tools",
                "USER 1000"));
  }

  @Test
  void runsWithAnInstructionBetweenGetCacheMountAdviceInstead() {
    String text =
        lines(
            "FROM debian:12-slim",
            "RUN apt-get update",
            "ENV DEBIAN_FRONTEND=noninteractive",
            "RUN apt-get update && apt-get install -y curl");
    Finding f = lint(text, listsRewritten(2, 4)).get(0);
    assertThat(f.fix()).isEmpty();
    assertThat(f.message())
        .endsWith(
            "; keep the cache out of the layers with RUN --mount=type=cache,target=/var/cache/apt"
                + " on both steps");
  }

  @Test
  void aFileCopiedTwiceIsToldToBeWrittenOnce() {
    String text = lines("FROM scratch", "COPY app /app", "COPY . /");
    FakeEvidence evidence =
        new FakeEvidence().dead(2, dead(2, "/app/bin", 5_000, 3, "/app/bin", Cause.OVERWRITTEN));
    Finding f = lint(text, evidence).get(0);
    assertThat(f.fix()).isEmpty();
    assertThat(f.message())
        .isEqualTo(
            "the COPY at line 2 writes files that line 3 overwrites: /app/bin (5.00 kB); write"
                + " them once, in the step that needs them last (install a package once, copy a"
                + " file once), or build them in a stage and COPY only the result");
  }

  @Test
  void deletedFilesAreLeftToSb117() {
    FakeEvidence evidence =
        new FakeEvidence()
            .dead(2, dead(2, "/var/lib/apt/lists/x", 100, 4, "/var/lib/apt/lists", Cause.DELETED));
    assertThat(lint(UPDATE_THEN_INSTALL, evidence)).isEmpty();
  }
}
