package dev.sizebot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sizebot.testing.Engine;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every kind of bad input to {@code sizebot compare} ends in exactly one line on stderr that says
 * what is wrong, where, and what to do, and in exit code 2.
 */
class CompareBadInputTest {
  static final String BASE = "examples/app-base.tar";
  static final String HEAD = "examples/app-head.tar";

  @TempDir static Path dir;

  @BeforeAll
  static void files() throws IOException {
    Files.writeString(dir.resolve("notes.tar"), "not an archive\n");
    Files.createDirectories(dir.resolve("plain"));
    Files.writeString(dir.resolve("plain/Dockerfile"), "FROM scratch\nCOPY a /\n");
  }

  static MainTest.Result compare(String... args) {
    List<String> all = new ArrayList<>(List.of("compare"));
    all.addAll(List.of(args));
    return MainTest.run(all.toArray(String[]::new));
  }

  /** Both sides built from the plain Dockerfile with the given {@code --docker-cli}. */
  private static MainTest.Result buildWith(String dockerCli) {
    String dockerfile = dir.resolve("plain/Dockerfile").toString();
    return compare(
        "--base-dockerfile",
        dockerfile,
        "--head-dockerfile",
        dockerfile,
        "--docker-cli",
        dockerCli);
  }

  static void assertOneLine(MainTest.Result r, int code, String line) {
    assertThat(r.err().lines()).hasSize(1);
    assertThat(r.err()).isEqualTo("sizebot: error: " + line + "\n");
    assertThat(r.out()).isEmpty();
    assertThat(r.code()).isEqualTo(code);
  }

  @Test
  void aDockerCliThatDoesNotExistIsOneLineBeforeAnyEngineWork() {
    assertOneLine(
        buildWith("/nonexistent/docker"),
        2,
        "docker CLI /nonexistent/docker does not exist or is not executable");
  }

  @Test
  void aDockerCliWithoutBuildKitSaysWhatToInstallOrChoose() throws IOException {
    // Like a Docker 28 client without the buildx plugin: `docker build` cannot use BuildKit.
    Path docker = dir.resolve("docker28");
    Files.writeString(
        docker,
        "#!/bin/sh\n"
            + "if [ \"$1\" = --version ]; then echo 'Docker version 28.2.2, build e6534b4'; exit 0;"
            + " fi\nexit 1\n");
    Files.setPosixFilePermissions(docker, PosixFilePermissions.fromString("rwxr-xr-x"));
    assertOneLine(
        buildWith(docker.toString()),
        3,
        "docker CLI "
            + docker
            + " (client 28.2.2) cannot build with BuildKit: install the buildx plugin"
            + " (https://docs.docker.com/go/buildx/) or choose another client");
  }

  /**
   * The engine is connected to while the docker CLI is probed; without an engine, a bad CLI (the
   * user's input) is still the one error, and with a good CLI the engine's absence is.
   */
  @Test
  void withoutAnEngineABadDockerCliIsStillTheOneErrorAndAGoodOneGetsTheEngineLine()
      throws Exception {
    String dockerfile = dir.resolve("plain/Dockerfile").toString();
    Process bad =
        MainTest.withoutEngine(
            dir,
            "compare",
            "--base-dockerfile",
            dockerfile,
            "--head-dockerfile",
            dockerfile,
            "--docker-cli",
            "/nonexistent/docker");
    Process good =
        MainTest.withoutEngine(
            dir, "compare", "--base-dockerfile", dockerfile, "--head-dockerfile", dockerfile);
    String badOutput = MainTest.output(bad);
    String goodOutput = MainTest.output(good);

    assertThat(badOutput)
        .isEqualTo(
            "sizebot: error: docker CLI /nonexistent/docker does not exist or is not executable\n");
    assertThat(bad.exitValue()).isEqualTo(2);
    assertThat(goodOutput).startsWith("sizebot: error: no Docker engine answers at unix://");
    assertThat(goodOutput.lines()).hasSize(1);
    assertThat(good.exitValue()).isEqualTo(3);
  }

  @Test
  void theHelpOfferingADockerCliNamesAnOptionThatExists() {
    assertThat(MainTest.run("compare", "--help").out())
        .contains("--docker-cli=CLI")
        .contains("Docker CLI to build with");
  }

  @Test
  void aMissingArchiveNamedLikeOneIsAMissingFileNotAnEngineImage() {
    assertOneLine(
        compare("missing.tar", HEAD),
        2,
        "base archive 'missing.tar' does not exist: check the path");
  }

  @Test
  void aFileThatIsNoImageArchiveSaysWhatItLacks() {
    String notes = dir.resolve("notes.tar").toString();
    assertOneLine(
        compare(BASE, notes),
        2,
        notes
            + " is not an image archive: it has neither manifest.json (docker save) nor index.json"
            + " (OCI layout)");
  }

  @Test
  void anImageTheEngineDoesNotHaveIsInvalidInput() {
    Engine.require();
    assertOneLine(
        compare("sizebot-test-polish-no-such-image:1", HEAD),
        2,
        "image 'sizebot-test-polish-no-such-image:1' is not in the local engine: build or pull it"
            + " first");
  }

  @ParameterizedTest
  @CsvSource({"0", "-1", "101", "1000000"})
  void runsOutsideOneToAHundredAreRejected(String runs) {
    assertOneLine(
        compare(BASE, HEAD, "--runs", runs),
        2,
        "--runs " + runs + " is out of range: give 1 to 100 startup runs per image");
  }

  @Test
  void runsThatAreNoIntegerAreRejected() {
    assertOneLine(
        compare(BASE, HEAD, "--runs", "99999999999"),
        2,
        "Invalid value for option '--runs': '99999999999' is not an int (see 'sizebot compare"
            + " --help')");
  }

  @Test
  void aBadStartupProbeListsTheForms() {
    assertOneLine(
        compare(BASE, HEAD, "--startup", "udp://:53"),
        2,
        "bad startup probe 'udp://:53': scheme must be http or tcp, not udp; use one of healthcheck, http://:PORT/PATH,"
            + " tcp://:PORT, log:REGEX, exit (e.g. http://:8000/health)");
  }

  @ParameterizedTest
  @CsvSource({"VERSION", "=1.2"})
  void aBuildArgWithoutANameIsRejected(String arg) {
    assertOneLine(
        compare(BASE, HEAD, "--build-arg", arg),
        2,
        "--build-arg '" + arg + "' is not NAME=VALUE: write it as, e.g., --build-arg VERSION=1.2");
  }

  @Test
  void aBaseRefAloneLacksAHead() {
    assertOneLine(
        compare("--base-ref", "main"),
        2,
        "compare needs a base and a head: give two IMAGEs, or --base-ref/--head-ref, or"
            + " --base-dockerfile/--head-dockerfile (got 0 IMAGE argument(s))");
  }

  @Test
  void aDockerfileToBuildThatDoesNotExistNamesItsOption() {
    Path missing = dir.resolve("nope.Dockerfile");
    assertOneLine(
        compare(
            "--base-dockerfile",
            missing.toString(),
            "--head-dockerfile",
            dir.resolve("plain/Dockerfile").toString()),
        2,
        "--base-dockerfile "
            + missing
            + " is not a file: pass the path of the Dockerfile to build");
  }

  @Test
  void aDockerfileForImageSidesThatDoesNotExistIsInvalidInput() {
    assertOneLine(
        compare(BASE, HEAD, "--dockerfile", "nope.Dockerfile"),
        2,
        "nope.Dockerfile: no such file (pass the path of a Dockerfile)");
  }

  @Test
  void anUnknownFormatListsTheAllowedOnes() {
    assertOneLine(
        compare(BASE, HEAD, "--format", "xml"),
        2,
        "Invalid value for option '--format': expected one of [markdown, json] (case-insensitive)"
            + " but was 'xml' (see 'sizebot compare --help')");
  }

  // Git is resolved before the engine is touched: these fail the same with or without one.
  @Test
  void aContextOutsideAnyGitRepositoryIsInvalidInput() {
    Path plain = dir.resolve("plain");
    MainTest.Result r =
        compare("--base-ref", "main", "--head-ref", "HEAD", "--context", plain.toString());
    assertThat(r.err().lines()).hasSize(1);
    assertThat(r.err())
        .startsWith("sizebot: error: " + plain + " is not inside a git repository (fatal:");
    assertThat(r.code()).isEqualTo(2);
  }

  @Test
  void aGitRefThatDoesNotExistIsInvalidInput() throws Exception {
    // A repository of its own, without a remote: the project's checkout may have one (CI clones),
    // which would change the message and make the test depend on where it runs.
    Path repo = Files.createDirectories(dir.resolve("repo")).toRealPath();
    git(repo, "init", "-q", "-b", "main");
    Files.writeString(repo.resolve("Dockerfile"), "FROM scratch\n");
    git(repo, "add", "Dockerfile");
    git(repo, "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-m", "A");
    assertOneLine(
        compare(
            "--base-ref",
            "sizebot-no-such-ref",
            "--head-ref",
            "HEAD",
            "--context",
            repo.toString()),
        2,
        "git ref 'sizebot-no-such-ref' is not in " + repo + "; check the branch name or fetch it");
  }

  private static void git(Path repo, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("git", "-C", repo.toString()));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("git %s", command).isTrue();
    assertThat(p.exitValue()).as("git %s: %s", command, out).isZero();
  }
}
