package dev.sizebot.rules;

import static dev.sizebot.rules.RuleCheck.findings;
import static dev.sizebot.rules.RuleCheck.lines;
import static dev.sizebot.rules.RuleCheck.parse;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sizebot.analysis.Cause;
import dev.sizebot.common.ByteSize;
import dev.sizebot.common.UnixPath;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AddedThenDeletedTest {
  private static final AddedThenDeleted RULE = new AddedThenDeleted();

  private static final String COPY_THEN_DELETE =
      lines(
          "FROM debian:12-slim",
          "WORKDIR /app",
          "COPY . .",
          "RUN rm -rf docs",
          "CMD [\"/app/run\"]");

  /** A file the layer of line {@code line} (as layer {@code line}) ships, dead from removedAt. */
  static DeadFile dead(int line, String path, long bytes, int removedAt, String removed, Cause c) {
    return new DeadFile(
        ShippedBytes.of(line, UnixPath.of(path), bytes),
        UnixPath.of(path),
        Optional.of(removedAt),
        UnixPath.of(removed),
        c);
  }

  private static List<Finding> lint(String text, FakeEvidence evidence) {
    return findings(RULE, LintInput.of(parse(text)).withEvidence(evidence));
  }

  @Test
  void contextFilesDeletedByALaterRunAreFoundOnTheCopyWithTheirBytes() {
    FakeEvidence evidence =
        new FakeEvidence()
            .dead(3, dead(3, "/app/docs/big.pdf", 30_000_000, 4, "/app/docs", Cause.PARENT_DELETED))
            .dead(3, dead(3, "/app/docs/small.md", 1_000, 4, "/app/docs", Cause.PARENT_DELETED));
    List<Finding> found = lint(COPY_THEN_DELETE, evidence);
    assertThat(found).hasSize(1);
    Finding f = found.get(0);
    assertThat(f.location()).isEqualTo(LineRange.of(3));
    assertThat(f.message())
        .isEqualTo("the COPY at line 3 adds files that line 4 deletes: /app/docs (30.0 MB)");
    assertThat(f.savings()).contains(ByteSize.of(30_001_000));
    assertThat(f.evidence())
        .contains("30.0 MB added at line 3 and deleted at line 4 is still shipped");
    assertThat(f.fix())
        .contains(
            new Fix.Snippet(
                "leave them out of the build context", Fix.Snippet.DOCKERIGNORE, "docs\n"));
  }

  @Test
  void theIgnoreEntryIsAddedToTheExistingDockerignore() {
    FakeEvidence evidence =
        new FakeEvidence()
            .dead(3, dead(3, "/app/docs/big.pdf", 500, 4, "/app/docs", Cause.PARENT_DELETED));
    Finding f =
        findings(
                RULE,
                LintInput.of(parse(COPY_THEN_DELETE))
                    .withDockerignore(".git")
                    .withEvidence(evidence))
            .get(0);
    assertThat(((Fix.Snippet) f.fix().orElseThrow()).text()).isEqualTo(".git\ndocs\n");
  }

  @Test
  void filesUsedBeforeTheyAreDeletedGetMountAdviceInsteadOfAnIgnoreEntry() {
    String text =
        lines(
            "FROM debian:12-slim",
            "COPY vendor.tar /tmp/vendor.tar",
            "RUN tar -xf /tmp/vendor.tar -C /opt",
            "RUN rm /tmp/vendor.tar");
    FakeEvidence evidence =
        new FakeEvidence()
            .dead(2, dead(2, "/tmp/vendor.tar", 9_000, 4, "/tmp/vendor.tar", Cause.DELETED));
    Finding f = lint(text, evidence).get(0);
    assertThat(f.fix()).isEmpty();
    assertThat(f.message())
        .isEqualTo(
            "the COPY at line 2 adds files that line 4 deletes: /tmp/vendor.tar (9.00 kB); instead"
                + " of copying them, mount them in the RUN that uses them"
                + " (RUN --mount=type=bind,source=…,target=…), or use them in a build stage");
  }

  @Test
  void runCreatedFilesTheTextDoesNotShowAreMovedIntoTheCreatingRun() {
    String text = lines("FROM debian:12-slim", "RUN make -C /src install", "RUN rm -rf /src/build");
    FakeEvidence evidence =
        new FakeEvidence()
            .dead(2, dead(2, "/src/build/app.o", 4_000, 3, "/src/build", Cause.PARENT_DELETED));
    Finding f = lint(text, evidence).get(0);
    assertThat(f.location()).isEqualTo(LineRange.of(2));
    assertThat(((Fix.Replacement) f.fix().orElseThrow()).applyTo(text))
        .isEqualTo(
            lines(
                "FROM debian:12-slim", "RUN make -C /src install \\", "    && rm -rf /src/build"));
  }

  @Test
  void aPairTheTextShowsIsLeftToSb110() {
    String text =
        lines(
            "FROM debian:12-slim",
            "RUN curl -o /tmp/t.tgz https://example.com/t.tgz",
            "RUN rm -f /tmp/t.tgz");
    FakeEvidence evidence =
        new FakeEvidence().dead(2, dead(2, "/tmp/t.tgz", 4_000, 3, "/tmp/t.tgz", Cause.DELETED));
    assertThat(lint(text, evidence)).isEmpty();
  }

  @Test
  void overwrittenFilesAreLeftToSb118AndNoEvidenceMeansNoFinding() {
    FakeEvidence evidence =
        new FakeEvidence().dead(3, dead(3, "/app/run", 100, 4, "/app/run", Cause.OVERWRITTEN));
    assertThat(lint(COPY_THEN_DELETE, evidence)).isEmpty();
    assertThat(findings(RULE, COPY_THEN_DELETE)).isEmpty();
  }

  @Test
  void onlyTheThreeBiggestRemovedPathsAreNamed() {
    String text = lines("FROM debian:12-slim", "RUN ./fetch.sh", "RUN ./cleanup.sh");
    FakeEvidence evidence = new FakeEvidence();
    for (int i = 1; i <= 5; i++) {
      evidence.dead(2, dead(2, "/tmp/f" + i, i * 1_000, 3, "/tmp/f" + i, Cause.DELETED));
    }
    Finding f = lint(text, evidence).get(0);
    assertThat(f.message())
        .startsWith(
            "the RUN at line 2 adds files that line 3 deletes: /tmp/f5 (5.00 kB), /tmp/f4 (4.00 kB),"
                + " /tmp/f3 (3.00 kB) and 2 more; delete them in the step that creates them");
    assertThat(f.savings()).contains(ByteSize.of(15_000));
    assertThat(f.fix()).isEmpty();
  }

  @Test
  void aCacheDeletedLaterIsPointedAtACacheMount() {
    String text = lines("FROM python:3.13-slim", "RUN ./build.sh", "RUN ./cleanup.sh");
    FakeEvidence evidence =
        new FakeEvidence()
            .dead(
                2, dead(2, "/root/.cache/pip/x.whl", 7_000, 3, "/root/.cache/pip", Cause.DELETED));
    assertThat(lint(text, evidence).get(0).message())
        .endsWith(
            "; keep the cache out of the layer with RUN --mount=type=cache,target=/root/.cache");
  }

  @Test
  void aDownloadDeletedLaterIsToBeFetchedWhereItIsDeleted() {
    String text =
        lines(
            "FROM debian:12-slim",
            "ADD https://example.com/tool.tgz /tmp/tool.tgz",
            "RUN tar -xzf /tmp/tool.tgz -C /opt && rm /tmp/tool.tgz");
    FakeEvidence evidence =
        new FakeEvidence()
            .dead(2, dead(2, "/tmp/tool.tgz", 8_000, 3, "/tmp/tool.tgz", Cause.DELETED));
    Finding f = lint(text, evidence).get(0);
    assertThat(f.fix()).isEmpty();
    assertThat(f.message())
        .isEqualTo(
            "the ADD at line 2 adds files that line 3 deletes: /tmp/tool.tgz (8.00 kB); fetch them"
                + " in a RUN that deletes them when done, or in a build stage");
  }
}
