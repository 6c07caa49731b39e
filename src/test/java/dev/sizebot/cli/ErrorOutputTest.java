package dev.sizebot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sizebot.image.ReadLimits;
import dev.sizebot.image.testing.BadArchive;
import dev.sizebot.image.testing.TestArchive;
import dev.sizebot.image.testing.TestImage;
import dev.sizebot.image.testing.TestLayer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * README's error contract: one line on stderr, exit code by kind, stack traces only with --debug.
 */
@Timeout(60)
class ErrorOutputTest {
  private static final String NL = System.lineSeparator();

  @TempDir Path dir;

  /** 50 empty files: past an entry cap lowered to 40, so the cap is reached cheaply. */
  private static TestLayer floodLayer() {
    TestLayer layer = TestLayer.step("RUN touch");
    for (int i = 0; i < 50; i++) {
      layer.file("/f" + i, "");
    }
    return layer;
  }

  private Path flood(String name) {
    return TestArchive.ociLayout(TestImage.tagged("flood:" + name).layer(floodLayer()))
        .writeTar(dir.resolve(name + ".tar"));
  }

  private static String capLine(Path archive, int cap) {
    return "sizebot: error: "
        + archive
        + ": layer '"
        + TestArchive.blobPath(floodLayer())
        + "' has more than "
        + cap
        + " file entries in total, more than sizebot's Java heap can analyse: if you trust this"
        + " image, give it more heap (e.g. SIZEBOT_JAVA_OPTS=-Xmx1g)"
        + NL;
  }

  static List<BadArchive> badArchives() {
    return BadArchive.all();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badArchives")
  void everyBadArchiveIsOneLineAndExitTwo(BadArchive bad) throws IOException {
    Path file = Files.write(dir.resolve("bad.tar"), bad.bytes());

    MainTest.Result r = MainTest.run(bad.limits(), "inspect", file.toString());

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err().lines()).hasSize(1);
    assertThat(r.err()).startsWith("sizebot: error: " + file).doesNotContain("\tat ");
  }

  @Test
  void theEntryCapIsOneLineThatSaysHowToGetMoreHeap() {
    Path flood = flood("one");

    MainTest.Result r =
        MainTest.run(ReadLimits.DEFAULT.withMaxEntries(40), "inspect", flood.toString());

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).isEqualTo(capLine(flood, 40));
  }

  @Test
  void compareSharesTheEntryCapBetweenItsTwoArchives() {
    Path base = flood("base");
    Path head = flood("head");

    // 50 entries each fit a cap of 60 alone, but both images are held at once: 30 each.
    MainTest.Result r =
        MainTest.run(
            ReadLimits.DEFAULT.withMaxEntries(60), "compare", base.toString(), head.toString());

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).isEqualTo(capLine(base, 30));
  }

  @Test
  void withoutDebugAnErrorIsOneLineWithoutAStackTrace() {
    Path flood = flood("one");

    MainTest.Result r =
        MainTest.run(ReadLimits.DEFAULT.withMaxEntries(40), "inspect", flood.toString());

    assertThat(r.err().lines()).hasSize(1);
    assertThat(r.err()).doesNotContain("\tat ");
  }

  @ParameterizedTest
  @ValueSource(strings = {"--debug inspect", "inspect --debug"})
  void withDebugTheLineIsFollowedByItsStackTrace(String words) {
    Path flood = flood("one");
    String[] given = words.split(" ");

    MainTest.Result r =
        MainTest.run(ReadLimits.DEFAULT.withMaxEntries(40), given[0], given[1], flood.toString());

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).startsWith(capLine(flood, 40) + "dev.sizebot.common.SizebotException: ");
    assertThat(r.err()).contains(NL + "\tat dev.sizebot.image.EntryBudget.spend(");
  }

  /** A command that fails as a bug would: an exception sizebot did not expect. */
  @Command(name = "boom")
  static final class Boom implements Callable<Integer> {
    @Override
    public Integer call() {
      throw new IllegalStateException("invariant broken:\n  layer 3 of 2");
    }
  }

  private static MainTest.Result runWithBoom(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli =
        Main.commandLine(new PrintWriter(out), new PrintWriter(err), ReadLimits.DEFAULT);
    cli.addSubcommand("boom", new Boom());
    cli.setErr(new PrintWriter(err)); // reaches the subcommand added after commandLine()
    int code = Main.execute(cli, args);
    return new MainTest.Result(code, out.toString(), err.toString());
  }

  @Test
  void anUnexpectedExceptionIsExitSeventyAndOneLine() {
    MainTest.Result r = runWithBoom("boom");

    assertThat(r.code()).isEqualTo(70);
    assertThat(r.err())
        .isEqualTo(
            "sizebot: internal error: IllegalStateException: invariant broken: layer 3 of 2"
                + " (rerun with --debug for details and report it)"
                + NL);
  }

  @Test
  void anUnexpectedExceptionWithDebugShowsItsStackTrace() {
    MainTest.Result r = runWithBoom("--debug", "boom");

    assertThat(r.code()).isEqualTo(70);
    assertThat(r.err())
        .startsWith(
            "sizebot: internal error: IllegalStateException: invariant broken: layer 3 of 2"
                + NL
                + "java.lang.IllegalStateException: invariant broken:")
        .contains("\tat dev.sizebot.cli.ErrorOutputTest$Boom.call(");
  }
}
