package dev.sizebot.rules;

import static dev.sizebot.rules.RuleCheck.findings;
import static dev.sizebot.rules.RuleCheck.fixResolves;
import static dev.sizebot.rules.RuleCheck.lines;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sizebot.common.ByteSize;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LayerRulesTest {
  private static final String DELETE_LATER =
      lines(
          "FROM debian:12-slim",
          "WORKDIR /opt",
          "RUN curl -fsSL -o /tmp/tool.tgz https://example.com/tool.tgz \\",
          "    && tar -xzf /tmp/tool.tgz",
          "ENV PATH=/opt/tool/bin:$PATH",
          "RUN rm -f /tmp/tool.tgz");

  @Test
  void aDeletionInALaterRunIsFoundAndSizedByTheEvidence() {
    FakeEvidence evidence = new FakeEvidence().deleted(3, 6, 30_000_000);
    Finding f =
        findings(
                new DeletedInLaterLayer(),
                LintInput.of(RuleCheck.parse(DELETE_LATER)).withEvidence(evidence))
            .get(0);
    assertThat(f.location()).isEqualTo(LineRange.of(6));
    assertThat(f.message())
        .isEqualTo(
            "line 6 deletes /tmp/tool.tgz, which line 3 created: the bytes stay in that layer");
    assertThat(f.savings()).contains(ByteSize.of(30_000_000));
    assertThat(f.evidence())
        .contains("30.0 MB created at line 3 and deleted at line 6 is still shipped");
  }

  @Test
  void theFixDeletesInTheCreatingRun() {
    assertThat(fixResolves(new DeletedInLaterLayer(), DELETE_LATER))
        .isEqualTo(
            lines(
                "FROM debian:12-slim",
                "WORKDIR /opt",
                "RUN curl -fsSL -o /tmp/tool.tgz https://example.com/tool.tgz \\",
                "    && tar -xzf /tmp/tool.tgz \\",
                "    && rm -f /tmp/tool.tgz",
                "ENV PATH=/opt/tool/bin:$PATH"));
  }

  @Test
  void aptListsRemovedInALaterRunAreFound() {
    String text =
        lines(
            "FROM debian:12",
            "RUN apt-get update && apt-get install -y x",
            "RUN rm -rf /var/lib/apt/lists/*");
    assertThat(findings(new DeletedInLaterLayer(), text)).hasSize(1);
    fixResolves(new DeletedInLaterLayer(), text);
  }

  @Test
  void aRunInBetweenThatReadsTheFilesBlocksTheFix() {
    String text =
        lines(
            "FROM debian:12",
            "RUN curl -o /tmp/a.tgz https://x/a.tgz",
            "RUN tar -xzf /tmp/a.tgz",
            "RUN rm /tmp/a.tgz");
    Finding f = findings(new DeletedInLaterLayer(), text).get(0);
    assertThat(f.location()).isEqualTo(LineRange.of(4));
    assertThat(f.fix()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "RUN curl -o /tmp/a.tgz https://x/a.tgz && tar xzf /tmp/a.tgz && rm /tmp/a.tgz\nRUN rm -f /tmp/a.tgz",
        "RUN rm -rf /etc/nginx/conf.d/default.conf",
        "RUN mkdir /data\nRUN rm -rf /other"
      })
  void deletionsOfFilesNoEarlierRunCreatedAreFine(String body) {
    assertThat(findings(new DeletedInLaterLayer(), lines("FROM debian:12", body))).isEmpty();
  }

  private static final String CHOWN =
      lines(
          "FROM python:3.12-slim",
          "WORKDIR /app",
          "COPY . .",
          "EXPOSE 8000",
          "RUN chown -R app:app /app && chmod -R 755 .");

  @Test
  void chownAfterCopyIsFoundAndFoldedIntoTheCopy() {
    Finding f = findings(new ChownAfterCopy(), CHOWN).get(0);
    assertThat(f.message())
        .isEqualTo("chown -R /app at line 5 rewrites the files COPY at line 3 added");
    assertThat(fixResolves(new ChownAfterCopy(), CHOWN))
        .isEqualTo(
            lines(
                "FROM python:3.12-slim",
                "WORKDIR /app",
                "COPY --chown=app:app --chmod=755 . .",
                "EXPOSE 8000"));
  }

  @Test
  void evidenceSizesTheDuplicatedFiles() {
    FakeEvidence evidence = new FakeEvidence().layer(5, "/app", 7_000_000);
    Finding f =
        findings(new ChownAfterCopy(), LintInput.of(RuleCheck.parse(CHOWN)).withEvidence(evidence))
            .get(0);
    assertThat(f.savings()).contains(ByteSize.of(7_000_000));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "COPY --chown=app . /app",
        "COPY . /app\nRUN chown app /app",
        "COPY . /app\nRUN chown -R app /var/lib/app",
        "RUN chown -R app /app"
      })
  void chownsThatDoNotRewriteCopiedFilesAreFine(String body) {
    assertThat(findings(new ChownAfterCopy(), lines("FROM debian:12", body))).isEmpty();
  }

  @Test
  void symbolicModesAreReportedWithoutAFix() {
    String text =
        lines("FROM debian:12", "COPY bin/ /usr/local/bin/", "RUN chmod -R +x /usr/local/bin");
    assertThat(findings(new ChownAfterCopy(), text).get(0).fix()).isEmpty();
  }

  @Test
  void aDownloadUsedByTheNextRunIsMergedAndCleanedUp() {
    String text =
        lines("FROM debian:12", "RUN wget https://example.com/app.deb", "RUN dpkg -i app.deb");
    Finding f = findings(new SplitRuns(), text).get(0);
    assertThat(f.location()).isEqualTo(new LineRange(2, 3));
    assertThat(f.seeAlso()).containsExactly("DL3059");
    assertThat(fixResolves(new SplitRuns(), text))
        .isEqualTo(
            lines(
                "FROM debian:12",
                "RUN wget https://example.com/app.deb \\",
                "    && dpkg -i app.deb \\",
                "    && rm -f app.deb"));
  }

  @Test
  void twoAptInstallsInARowAreMerged() {
    String text = lines("FROM debian:12", "RUN apt-get install -y a", "RUN apt-get install -y b");
    assertThat(fixResolves(new SplitRuns(), text))
        .contains("RUN apt-get install -y a \\\n    && apt-get install -y b\n");
  }

  @ParameterizedTest(name = "{0} / {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "apt-get install -y a   | apt-get install -y b | both install with apt-get",
        "apt-get install -y a   | apt install -y b     | both install deb packages (apt-get, then apt)",
        "dnf install -y a       | yum install -y b     | both install rpm packages (dnf, then yum)",
        "yum install -y a       | yum install -y b     | both install with yum",
        "apk add a              | apk add b            | both install with apk",
      })
  void twoInstallsAreNamedByWhatTheyShare(String one, String two, String both) {
    String text = lines("FROM debian:12", "RUN " + one.strip(), "RUN " + two.strip());
    assertThat(findings(new SplitRuns(), text).get(0).message())
        .isEqualTo("lines 2 and 3 " + both.strip());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "RUN apt-get install -y a\nRUN dnf install -y b",
        "RUN apt-get install -y a\nENV X=1\nRUN apt-get install -y b",
        "RUN apt-get install -y a\nRUN pip install b",
        "RUN curl -o /tmp/a https://x/a\nRUN sh /tmp/a && rm /tmp/a"
      })
  void runsThatAreNotAPairAreFine(String body) {
    assertThat(findings(new SplitRuns(), lines("FROM debian:12", body))).isEmpty();
  }

  @Test
  void useraddWithALargeUidIsFoundAndFixed() {
    String text = lines("FROM debian:12", "RUN useradd --uid 1000001 -m app");
    Finding f = findings(new UseraddLastlog(), text).get(0);
    assertThat(f.message()).isEqualTo("useradd at line 2 creates UID 1000001 without -l");
    assertThat(fixResolves(new UseraddLastlog(), text))
        .contains("RUN useradd -l --uid 1000001 -m app");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "RUN useradd -u 10001 app",
        "RUN useradd -l -u 1000001 app",
        "RUN useradd --no-log-init --uid=1000001 app",
        "RUN useradd app"
      })
  void useraddWithASmallUidOrLIsFine(String run) {
    assertThat(findings(new UseraddLastlog(), lines("FROM debian:12", run))).isEmpty();
  }
}
