package dev.sizebot.docker;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Image;
import dev.sizebot.common.ByteSize;
import dev.sizebot.startup.ContainerId;
import dev.sizebot.startup.ProbeSpec;
import dev.sizebot.startup.StartupFailure;
import dev.sizebot.startup.StartupMeasurer;
import dev.sizebot.startup.StartupResult;
import dev.sizebot.testing.Engine;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Startup measured on the real engine with FROM-scratch busybox images. */
class DockerContainerRunnerTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(5);
  private static final String HTTPD = "CMD [\"httpd\", \"-f\", \"-p\", \"8000\", \"-h\", \"/www\"]";

  @TempDir static Path dir;
  private static DockerEngine engine;
  private static StartupImages images;
  private static String base;
  private static String httpd;

  private final String runId = "test-startup-" + UUID.randomUUID();
  private DockerContainerRunner runner;
  private StartupMeasurer measurer;

  @BeforeAll
  static void buildImages() {
    Engine.require();
    engine = DockerEngine.connect();
    images = new StartupImages(dir);
    base = images.base();
    httpd = images.on(base, "httpd", HTTPD);
  }

  @AfterAll
  static void removeImages() {
    if (images != null) {
      images.close();
    }
    if (engine != null) {
      engine.close();
    }
  }

  @BeforeEach
  void connect() {
    runner = DockerContainerRunner.on(engine, runId);
    measurer = new StartupMeasurer(runner);
  }

  @AfterEach
  void noContainerOfThisRunRemains() {
    runner.close();
    assertThat(ownContainers()).isEmpty();
    assertThat(ownImages()).isEmpty();
  }

  @Test
  void busyboxHttpdIsReadyOnHttpAndMemoryIsRead() {
    StartupResult result =
        measurer.measure(httpd, ProbeSpec.parse("http://:8000/health"), 2, TIMEOUT);

    assertThat(result.failure()).isEmpty();
    assertThat(result.samples()).hasSize(2);
    assertThat(result.timeToReady().orElseThrow().max()).isLessThan(TIMEOUT);
    // A static busybox httpd holds some kB, far below 50 MB even with allocator slack.
    assertThat(result.memory().orElseThrow().median())
        .isGreaterThan(ByteSize.ZERO)
        .isLessThan(ByteSize.of(50_000_000));
  }

  @Test
  void busyboxHttpdIsReadyOnTcp() {
    StartupResult result = measurer.measure(httpd, ProbeSpec.parse("tcp://:8000"), 2, TIMEOUT);

    assertThat(result.succeeded()).isTrue();
    assertThat(result.samples()).extracting(s -> s.run()).containsExactly(1, 2);
  }

  @Test
  void healthcheckImageIsReadyWhenHealthy() {
    String image =
        images.on(
            httpd,
            "health",
            "HEALTHCHECK --interval=200ms --timeout=1s --retries=20"
                + " CMD wget -q -O /dev/null http://127.0.0.1:8000/health || exit 1\n");

    StartupResult result = measurer.measure(image, new ProbeSpec.Healthcheck(), 2, TIMEOUT);

    assertThat(result.succeeded()).isTrue();
    assertThat(result.timeToReady().orElseThrow().min())
        .isGreaterThanOrEqualTo(Duration.ofMillis(200));
  }

  @Test
  void logLineImageIsReadyWhenTheLineAppears() {
    String image =
        images.on(
            base,
            "logline",
            "CMD [\"sh\", \"-c\", \"sleep 0.3; echo 'Listening on :8000'; exec sleep 60\"]\n");

    StartupResult result =
        measurer.measure(image, ProbeSpec.parse("log:Listening on .*"), 2, TIMEOUT);

    assertThat(result.succeeded()).isTrue();
    assertThat(result.timeToReady().orElseThrow().min()).isBetween(Duration.ofMillis(300), TIMEOUT);
  }

  @Test
  void containerThatNeverGetsReadyIsATimeoutWithItsLastLogLines() {
    String image =
        images.on(
            base, "never", "CMD [\"sh\", \"-c\", \"echo waiting for database; exec sleep 60\"]\n");

    StartupResult result =
        measurer.measure(image, ProbeSpec.parse("tcp://:8000"), 3, Duration.ofSeconds(2));

    StartupFailure failure = result.failure().orElseThrow();
    assertThat(failure.reason()).isEqualTo(StartupFailure.Reason.TIMEOUT);
    assertThat(failure.run()).isEqualTo(1);
    assertThat(failure.lastLogLines()).containsExactly("waiting for database");
    assertThat(failure.message()).isEqualTo("not ready within 2.00 s (probe tcp://:8000)");
  }

  @Test
  void containerThatExitsAtOnceIsAFailureWithExitCodeAndLogs() {
    String image =
        images.on(base, "exits", "CMD [\"sh\", \"-c\", \"echo config missing >&2; exit 3\"]\n");

    StartupFailure failure =
        measurer
            .measure(image, ProbeSpec.parse("http://:8000/"), 3, TIMEOUT)
            .failure()
            .orElseThrow();

    assertThat(failure.reason()).isEqualTo(StartupFailure.Reason.EXITED);
    assertThat(failure.exitCode()).isEqualTo(OptionalInt.of(3));
    assertThat(failure.lastLogLines()).containsExactly("config missing");
    assertThat(failure.after()).isLessThan(TIMEOUT);
  }

  @Test
  void imageWhoseEntrypointIsMissingFailsWithTheEnginesReason() {
    String image = images.on(base, "noexec", "CMD [\"/no/such/binary\"]\n");

    StartupFailure failure =
        measurer.measure(image, new ProbeSpec.Exit(), 2, TIMEOUT).failure().orElseThrow();

    assertThat(failure.reason()).isEqualTo(StartupFailure.Reason.EXITED);
    assertThat(failure.exitCode()).isEqualTo(OptionalInt.of(127));
    assertThat(failure.lastLogLines())
        .last()
        .asString()
        .startsWith("[docker] ")
        .contains("/no/such/binary");
  }

  @Test
  void theEngineSaysWhenAProcessEndsAndAwaitingGivesUpAtTheTimeout() {
    String quick = images.on(base, "quick", "CMD [\"sleep\", \"0.3\"]\n");
    String slow = images.on(base, "slow", "CMD [\"sleep\", \"60\"]\n");
    ContainerId ends = runner.create(quick);
    ContainerId stays = runner.create(slow);
    try {
      long started = System.nanoTime();
      runner.start(ends);
      assertThat(runner.awaitExit(ends, TIMEOUT)).isTrue();
      Duration waited = Duration.ofNanos(System.nanoTime() - started);
      assertThat(runner.state(ends).running()).as("stopped when the engine said so").isFalse();
      assertThat(waited).isBetween(Duration.ofMillis(300), Duration.ofMillis(1500));

      runner.start(stays);
      started = System.nanoTime();
      assertThat(runner.awaitExit(stays, Duration.ofMillis(300))).isFalse();
      assertThat(Duration.ofNanos(System.nanoTime() - started))
          .isBetween(Duration.ofMillis(300), Duration.ofMillis(2000));
      assertThat(runner.state(stays).running()).isTrue();
    } finally {
      runner.remove(ends);
      runner.remove(stays);
    }
  }

  @Test
  void cliImageIsTimedToExit() {
    String image = images.on(base, "cli", "CMD [\"sh\", \"-c\", \"sleep 0.2; echo done\"]\n");

    StartupResult result = measurer.measure(image, new ProbeSpec.Exit(), 2, TIMEOUT);

    assertThat(result.succeeded()).isTrue();
    assertThat(result.timeToReady().orElseThrow().min()).isBetween(Duration.ofMillis(200), TIMEOUT);
    assertThat(result.memory()).isEmpty();
  }

  private List<Container> ownContainers() {
    return engine
        .client()
        .listContainersCmd()
        .withShowAll(true)
        .withLabelFilter(Map.of(DockerEngine.OWNER_LABEL, runId))
        .exec();
  }

  private List<Image> ownImages() {
    return engine
        .client()
        .listImagesCmd()
        .withLabelFilter(Map.of(DockerEngine.OWNER_LABEL, runId))
        .exec();
  }

  @Test
  void runsJoinOneNetworkNamespaceHeldForThemAndAreReachedAtItsAddress() {
    ContainerId first = runner.create(httpd);
    runner.start(first);
    String address = runner.address(first).orElseThrow();
    String mode = networkMode(first);
    runner.remove(first);
    ContainerId second = runner.create(httpd);
    try {
      assertThat(mode).startsWith("container:");
      assertThat(networkMode(second)).isEqualTo(mode);
      InspectContainerResponse holder =
          engine.client().inspectContainerCmd(mode.substring("container:".length())).exec();
      assertThat(holder.getConfig().getLabels())
          .containsEntry(DockerEngine.OWNER_LABEL, runId)
          .containsEntry(NetworkHolders.ROLE_LABEL, NetworkHolders.ROLE);
      assertThat(holder.getHostConfig().getNetworkMode()).isEqualTo("bridge");
      assertThat(holder.getNetworkSettings().getNetworks().get("bridge").getIpAddress())
          .isEqualTo(address);
      assertThat(runner.address(second)).contains(address);
      assertThat(runner.sharedNamespaceUnavailable()).isEmpty();
    } finally {
      runner.remove(second);
    }
  }

  @Test
  void aContainerStillThereKeepsItsNamespaceAndTheNextRunGetsAFreshOne() {
    ContainerId kept = runner.create(httpd);
    ContainerId next = runner.create(httpd);
    try {
      assertThat(networkMode(next)).startsWith("container:").isNotEqualTo(networkMode(kept));
      runner.remove(next);
      runner.close();
      // The kept container's holder stays while it does; the other is gone.
      assertThat(ownContainers())
          .extracting(Container::getId)
          .containsExactlyInAnyOrder(
              kept.value(), networkMode(kept).substring("container:".length()));
    } finally {
      runner.remove(kept);
    }
  }

  @Test
  void aHolderKilledFromOutsideIsReplacedRatherThanFailingTheNextRun() {
    StartupResult first = measurer.measure(httpd, ProbeSpec.parse("tcp://:8000"), 1, TIMEOUT);
    String killed = ownHolders().get(0);
    engine.client().killContainerCmd(killed).exec();

    StartupResult second = measurer.measure(httpd, ProbeSpec.parse("tcp://:8000"), 1, TIMEOUT);

    assertThat(first.succeeded()).isTrue();
    assertThat(second.succeeded()).as(String.valueOf(second.failure())).isTrue();
    assertThat(ownHolders()).hasSize(1).doesNotContain(killed);
  }

  private List<String> ownHolders() {
    return ownContainers().stream()
        .filter(c -> NetworkHolders.ROLE.equals(c.getLabels().get(NetworkHolders.ROLE_LABEL)))
        .map(Container::getId)
        .toList();
  }

  @Test
  void whatIsMadeWhileTheRunsCleanupBeginsIsRemovedAgainAndNothingMoreIsMade() {
    // Ctrl-C arrives while the holder is being made: not yet at the first look, by the second
    // (right after its container is created), the cleanup's sweep may already have passed it.
    java.util.concurrent.atomic.AtomicInteger looks =
        new java.util.concurrent.atomic.AtomicInteger();
    NetworkHolders holders =
        new NetworkHolders(
            engine.client(),
            new ProbeRoute.DefaultBridge(),
            Map.of(DockerEngine.OWNER_LABEL, runId),
            () -> looks.incrementAndGet() > 1);

    assertThat(holders.next()).isEmpty();
    assertThat(looks).hasValue(2);
    assertThat(holders.unavailable()).contains("sizebot is shutting down");
    assertThat(ownContainers()).as("the holder made as the cleanup began").isEmpty();
    assertThat(ownImages()).as("its pause image").isEmpty();
    assertThat(holders.next()).isEmpty();
    assertThat(ownContainers()).isEmpty();
  }

  @Test
  void whenNoHolderCanStartRunsGetNamespacesOfTheirOwnAndNothingIsLeft() {
    // A network the engine does not have: the holder cannot start. The runner built on the same
    // route fails to create containers at all, so the fallback is checked on the holders alone.
    NetworkHolders holders =
        new NetworkHolders(
            engine.client(),
            new ProbeRoute.SharedNetwork("sizebot-no-such-network"),
            Map.of(DockerEngine.OWNER_LABEL, runId),
            () -> false);

    assertThat(holders.next()).isEmpty();
    assertThat(holders.unavailable().orElseThrow()).contains("sizebot-no-such-network");
    assertThat(holders.next()).as("not tried again").isEmpty();
    holders.close();
    // @AfterEach: no container or image of this run remains.
  }

  /**
   * busybox httpd closes each connection first, which leaves a TIME_WAIT socket on port 8000 where
   * a server that binds without SO_REUSEADDR could not bind again for a minute. The holder's
   * namespace keeps none, so each run starts as in a namespace of its own.
   */
  @Test
  void aProbedConnectionLeavesNoTimeWaitForTheNextRun() {
    String netstat = images.on(base, "netstat", "CMD [\"netstat\", \"-tan\"]\n");
    StartupResult served =
        measurer.measure(httpd, ProbeSpec.parse("http://:8000/health"), 1, TIMEOUT);
    assertThat(served.succeeded()).isTrue();
    ContainerId after = runner.create(netstat);
    try {
      runner.start(after);
      for (int i = 0; i < 100 && runner.state(after).running(); i++) {
        sleep(Duration.ofMillis(20));
      }
      List<String> sockets = runner.logTail(after, 50);
      assertThat(sockets).anyMatch(line -> line.startsWith("Proto"));
      assertThat(sockets).noneMatch(line -> line.contains("TIME_WAIT"));
    } finally {
      runner.remove(after);
    }
  }

  private static String networkMode(ContainerId container) {
    return engine
        .client()
        .inspectContainerCmd(container.value())
        .exec()
        .getHostConfig()
        .getNetworkMode();
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Test
  void probedContainersPublishNoPortAndCarryTheOwnerLabel() {
    DockerClient client = engine.client();
    ContainerId id = runner.create(httpd);
    try {
      runner.start(id);
      InspectContainerResponse inspected = client.inspectContainerCmd(id.value()).exec();

      assertThat(inspected.getConfig().getLabels()).containsEntry(DockerEngine.OWNER_LABEL, runId);
      assertThat(inspected.getHostConfig().getPublishAllPorts()).isFalse();
      assertThat(inspected.getHostConfig().getPortBindings())
          .as("no port bindings at all")
          .satisfiesAnyOf(
              ports -> assertThat(ports).isNull(),
              ports -> assertThat(ports.getBindings()).isEmpty());
      assertThat(runner.address(id).orElseThrow()).matches("\\d+\\.\\d+\\.\\d+\\.\\d+");
    } finally {
      runner.remove(id);
    }
    runner.remove(id); // a second removal of a gone container is harmless
  }

  /**
   * The in-container path, as in a GitHub docker action: a busybox container on a user-defined
   * network stands in for sizebot's own container. The engine knows it, so the route follows it
   * onto its network, and the probed container is reachable from inside it.
   */
  @Test
  void probedContainerJoinsSizebotsOwnNetworkAndIsReachableFromInsideIt() {
    String network = images.prefix + "-net";
    Engine.docker("network", "create", "--label", Engine.TEST_LABEL + "=1", network);
    String self = "";
    try {
      self =
          Engine.docker(
                  "run",
                  "-d",
                  "--label",
                  Engine.TEST_LABEL + "=1",
                  "--network",
                  network,
                  base,
                  "sleep",
                  "60")
              .strip();
      ProbeRoute route =
          ProbeRoute.choose(
              true, OwnContainer.lookUp(engine.client(), List.of("0123456789ab", self)));
      assertThat(route).isEqualTo(new ProbeRoute.SharedNetwork(network));
      DockerContainerRunner shared =
          new DockerContainerRunner(engine.client(), ContainerStats.on(engine), route, runId);

      StartupResult result =
          new StartupMeasurer(shared)
              .measure(httpd, ProbeSpec.parse("http://:8000/health"), 1, TIMEOUT);

      assertThat(result.succeeded()).isTrue();
      assertThat(fetchFromInside(shared, self)).isEqualTo("ok\n");
      shared.close();
    } finally {
      if (!self.isEmpty()) {
        Engine.docker("rm", "-f", self);
      }
      Engine.docker("network", "rm", network);
    }
  }

  @Test
  void containersTheEngineDoesNotKnowAreNotSizebotsOwn() {
    assertThat(OwnContainer.lookUp(engine.client(), List.of("0123456789ab", "f".repeat(64))))
        .isEmpty();
  }

  /** GETs the probed container's health page from inside the stand-in "sizebot" container. */
  private static String fetchFromInside(DockerContainerRunner runner, String self) {
    ContainerId probed = runner.create(httpd);
    try {
      runner.start(probed);
      String url = "http://" + runner.address(probed).orElseThrow() + ":8000/health";
      return Engine.docker(
          "exec",
          self,
          "sh",
          "-c",
          "for i in $(seq 50); do wget -q -O - " + url + " && exit 0; sleep 0.1; done; exit 1");
    } finally {
      runner.remove(probed);
    }
  }
}
