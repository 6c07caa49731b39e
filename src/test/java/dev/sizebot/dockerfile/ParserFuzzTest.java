package dev.sizebot.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.fail;

import dev.sizebot.common.SizebotException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Mutates the corpus (cuts, inserted quotes, escapes, heredoc markers, substitutions, line endings)
 * and checks the parser either returns a consistent model or throws its own SizebotException —
 * never another exception, never a hang. Seeded, so failures reproduce.
 */
class ParserFuzzTest {
  private static final int MUTANTS = 4000;
  private static final String[] INSERTS = {
    "\"",
    "'",
    "\\",
    "`",
    "<<EOF",
    "<<-'X'",
    "\nEOF\n",
    "\tX\n",
    "$",
    "${",
    "}",
    "${A:-",
    "${A//",
    "/",
    "\n",
    "\r\n",
    "[",
    "]",
    "[\"a\", ",
    "--",
    "--mount=",
    "=",
    "#",
    "# escape=`\n",
    "\uFEFF",
    "\t",
    "\\\n",
    " AS ",
    "ONBUILD ",
    "$(",
    ")",
    "&&",
    "|",
    ";",
    "<<",
    "3<<E\"O\"F",
    "FROM x\n",
    "HEALTHCHECK CMD ",
    "\u0000",
    "é",
    "ARG A=${A}\n"
  };

  private static List<String> corpus;

  @BeforeAll
  static void readCorpus() throws IOException {
    corpus = new ArrayList<>();
    for (Path p : CorpusTest.dockerfiles()) {
      corpus.add(Files.readString(p));
    }
  }

  private static volatile String current = "";

  @Test
  void mutatedDockerfilesParseOrFailWithSizebotExceptionOnly() {
    // One preemptive timeout around the loop (a thread per input would dominate the run time);
    // the input being parsed when it fires is named in the failure.
    int parsed =
        assertTimeoutPreemptively(
            Duration.ofSeconds(60),
            ParserFuzzTest::fuzz,
            () -> "parser hangs on: " + printable(current));
    // Guards the fuzzer itself: some mutants must stay valid, some must be rejected.
    assertThat(parsed).isBetween(MUTANTS / 10, MUTANTS - MUTANTS / 20);
  }

  private static int fuzz() {
    Random random = new Random(20261122L);
    int parsed = 0;
    for (int i = 0; i < MUTANTS; i++) {
      current = mutate(corpus.get(random.nextInt(corpus.size())), random);
      if (parseOrReject(current)) {
        parsed++;
      }
    }
    return parsed;
  }

  @Test
  void randomTextNeverBreaksTheShellSplitter() {
    assertTimeoutPreemptively(
        Duration.ofSeconds(30),
        () -> {
          Random random = new Random(7L);
          for (int i = 0; i < 5000; i++) {
            StringBuilder s = new StringBuilder();
            int n = random.nextInt(12);
            for (int j = 0; j < n; j++) {
              s.append(INSERTS[random.nextInt(INSERTS.length)]);
              s.append(random.nextBoolean() ? " w" : "");
            }
            current = s.toString();
            ShellSplitter.split(current);
          }
        },
        () -> "shell splitter hangs on: " + printable(current));
  }

  /** True when the input parsed; fails the test on anything but a SizebotException. */
  private static boolean parseOrReject(String input) {
    try {
      Dockerfile f = Dockerfile.parse(input, "fuzz");
      checkRanges(f, input);
      return true;
    } catch (SizebotException expected) {
      assertThat(expected.getMessage()).startsWith("fuzz:").doesNotContain("\n");
      return false;
    } catch (RuntimeException | Error e) {
      if (e instanceof org.opentest4j.AssertionFailedError) {
        throw e;
      }
      fail("parser threw " + e + " on: " + printable(input), e);
      return false;
    }
  }

  private static void checkRanges(Dockerfile f, String input) {
    for (Instruction i : f.instructions()) {
      SourceRange r = i.range();
      assertThat(r.endLine())
          .as("range of %s within %s", i.keyword(), printable(input))
          .isLessThanOrEqualTo(f.lines().size());
      assertThat(f.text(r)).endsWith(i.text());
    }
  }

  private static String mutate(String text, Random random) {
    StringBuilder s = new StringBuilder(text);
    int edits = 1 + random.nextInt(4);
    for (int e = 0; e < edits; e++) {
      int at = s.length() == 0 ? 0 : random.nextInt(s.length() + 1);
      switch (random.nextInt(4)) {
        case 0 -> s.delete(at, Math.min(s.length(), at + random.nextInt(40)));
        case 1 -> s.setLength(at);
        default -> s.insert(at, INSERTS[random.nextInt(INSERTS.length)]);
      }
    }
    return s.toString();
  }

  private static String printable(String s) {
    return s.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t");
  }
}
