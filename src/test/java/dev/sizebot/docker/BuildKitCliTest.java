package dev.sizebot.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sizebot.common.ExitCode;
import dev.sizebot.common.SizebotException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BuildKitCliTest {
  @TempDir Path tmp;

  // A stand-in docker CLI: prints a client version; "buildx version" succeeds only when asked.
  private Path fakeDocker(String dir, String version, boolean buildx) throws IOException {
    Path bin = Files.createDirectories(tmp.resolve(dir));
    Path docker = bin.resolve("docker");
    Files.writeString(
        docker,
        "#!/bin/sh\n"
            + "if [ \"$1\" = buildx ]; then exit "
            + (buildx ? 0 : 1)
            + "; fi\n"
            + "if [ \"$1\" = --version ]; then echo 'Docker version "
            + version
            + ", build 297e128'; exit 0; fi\n"
            + "exit 2\n");
    Files.setPosixFilePermissions(docker, PosixFilePermissions.fromString("rwxr-xr-x"));
    return docker;
  }

  @ParameterizedTest(name = "{0} has major {1}")
  @CsvSource({"20.10.24+dfsg1,20", "28.2.2,28", "v1,-1", "'',-1", "18.09.1,18"})
  void theMajorVersionIsReadFromTheClientVersion(String version, int major) {
    assertThat(BuildKitCli.major(version)).isEqualTo(major);
  }

  @Test
  void aNewClientWithoutBuildxIsSkippedForAnOldOneWithBuiltInBuildKit() throws IOException {
    Path modern = fakeDocker("local", "28.2.2", false);
    Path old = fakeDocker("usr", "20.10.24+dfsg1", false);
    String path = modern.getParent() + ":" + old.getParent();

    BuildKitCli cli = BuildKitCli.detect(Optional.empty(), path);

    assertThat(cli).isEqualTo(new BuildKitCli(old, "20.10.24+dfsg1", BuildKitCli.Mode.BUILTIN));
    assertThat(cli.environment()).isEqualTo(Map.of("DOCKER_BUILDKIT", "1"));
  }

  @Test
  void aClientWithBuildxIsPreferredEvenWhenItComesLater() throws IOException {
    Path old = fakeDocker("usr", "20.10.24", false);
    Path withBuildx = fakeDocker("local", "27.0.1", true);

    BuildKitCli cli =
        BuildKitCli.detect(Optional.empty(), old.getParent() + ":" + withBuildx.getParent());

    assertThat(cli.executable()).isEqualTo(withBuildx);
    assertThat(cli.mode()).isEqualTo(BuildKitCli.Mode.BUILDX);
  }

  @Test
  void noWorkingClientIsAnEnvironmentErrorSayingWhatToInstall() throws IOException {
    Path modern = fakeDocker("local", "28.2.2", false);

    assertThatThrownBy(() -> BuildKitCli.detect(Optional.empty(), modern.getParent().toString()))
        .isInstanceOfSatisfying(
            SizebotException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.ENVIRONMENT))
        .hasMessage(
            "no docker CLI on PATH can build with BuildKit (found "
                + modern
                + " client 28.2.2, none with buildx): install the buildx plugin"
                + " (https://docs.docker.com/go/buildx/) or point --docker-cli at a client with"
                + " BuildKit");
  }

  @Test
  void anOverrideThatCannotBuildIsRefusedRatherThanSilentlyReplaced() throws IOException {
    Path modern = fakeDocker("local", "28.2.2", false);
    Path old = fakeDocker("usr", "20.10.24", false);

    assertThatThrownBy(
            () -> BuildKitCli.detect(Optional.of(modern.toString()), old.getParent().toString()))
        .isInstanceOf(SizebotException.class)
        .hasMessageStartingWith(
            "docker CLI " + modern + " (client 28.2.2) cannot build with BuildKit");
  }

  @Test
  void aMissingOverrideIsInvalidInput() {
    assertThatThrownBy(() -> BuildKitCli.detect(Optional.of("/nonexistent/docker"), ""))
        .isInstanceOfSatisfying(
            SizebotException.class,
            e -> assertThat(e.exitCode()).isEqualTo(ExitCode.INVALID_INPUT));
  }

  @Test
  void buildxBuildsLoadIntoTheEngineAndTheBuiltInBuilderDoesNot() {
    BuildRequest request =
        BuildRequest.of(Path.of("/ctx"))
            .withTarget("runtime")
            .withPlatform("linux/amd64")
            .withBuildArgs(Map.of("V", "1"))
            .withLabels(Map.of("k", "v"));
    Path iid = Path.of("/tmp/iid");
    BuildKitCli buildx = new BuildKitCli(Path.of("/d"), "27.0.0", BuildKitCli.Mode.BUILDX);
    BuildKitCli builtin = new BuildKitCli(Path.of("/d"), "20.10.0", BuildKitCli.Mode.BUILTIN);
    List<String> common =
        List.of(
            "--progress=plain",
            "--iidfile",
            "/tmp/iid",
            "-t",
            "t:1",
            "-f",
            "/ctx/Dockerfile",
            "--target",
            "runtime",
            "--platform",
            "linux/amd64",
            "--build-arg",
            "V=1",
            "--label",
            "k=v",
            "/ctx");

    assertThat(buildx.buildCommand(request, "t:1", iid))
        .startsWith("/d", "buildx", "build", "--load")
        .endsWith(common.toArray(String[]::new))
        .hasSize(4 + common.size());
    assertThat(builtin.buildCommand(request, "t:1", iid))
        .startsWith("/d", "build")
        .endsWith(common.toArray(String[]::new))
        .hasSize(2 + common.size());
  }
}
