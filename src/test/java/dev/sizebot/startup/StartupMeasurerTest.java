package dev.sizebot.startup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.sizebot.common.ByteSize;
import dev.sizebot.common.SizebotException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class StartupMeasurerTest {
  // Generous, so a loaded machine cannot turn a success into a timeout; timeout tests use SHORT.
  private static final Duration TIMEOUT = Duration.ofSeconds(3);
  private static final Duration SHORT = Duration.ofMillis(400);
  private static final ContainerState RUNNING = ContainerState.running(ContainerState.Health.NONE);

  @Test
  void exitProbeTimesTheProcessUntilItExitsWithZero() {
    ScriptedRunner runner =
        new ScriptedRunner(ms -> ms < 100 ? RUNNING : ContainerState.exited(0)).memory(1, 2);

    StartupResult result = measure(runner, new ProbeSpec.Exit(), 3);

    assertThat(result.succeeded()).isTrue();
    assertThat(result.samples()).hasSize(3);
    assertThat(result.timeToReady().orElseThrow().min()).isBetween(ms(100), TIMEOUT);
    assertThat(result.memory()).as("an exited container has no memory to read").isEmpty();
    assertThat(runner.removed).isEqualTo(runner.created).hasSize(3);
  }

  @Test
  void exitProbeReportsANonZeroExitAsAFailureWithCodeAndLogsAndStopsMeasuring() {
    ScriptedRunner runner =
        new ScriptedRunner(ms -> ms < 50 ? RUNNING : ContainerState.exited(3))
            .logs(ms -> List.of("starting", "boom: no config"));

    StartupResult result = measure(runner, new ProbeSpec.Exit(), 3);

    StartupFailure failure = result.failure().orElseThrow();
    assertThat(failure.run()).isEqualTo(1);
    assertThat(failure.reason()).isEqualTo(StartupFailure.Reason.EXITED);
    assertThat(failure.exitCode()).isEqualTo(OptionalInt.of(3));
    assertThat(failure.lastLogLines()).containsExactly("starting", "boom: no config");
    assertThat(failure.message()).startsWith("exited with code 3 after ");
    assertThat(result.samples()).isEmpty();
    assertThat(result.timeToReady()).isEmpty();
    assertThat(runner.created).hasSize(1);
    assertThat(runner.removed).isEqualTo(runner.created);
  }

  @Test
  void serverThatExitsBeforeItsProbeSucceedsIsAnEarlyExitFailure() {
    ScriptedRunner runner = new ScriptedRunner(ms -> ContainerState.exited(0));

    StartupFailure failure =
        measure(runner, new ProbeSpec.LogLine("ready"), 1).failure().orElseThrow();

    assertThat(failure.reason()).isEqualTo(StartupFailure.Reason.EXITED);
    assertThat(failure.message()).endsWith("before probe log:ready succeeded");
  }

  @Test
  void logProbeIsReadyOnceALineMatchesAndMemoryIsReadAfterReady() {
    ScriptedRunner runner =
        new ScriptedRunner(ms -> RUNNING)
            .logs(ms -> ms < 80 ? List.of("booting") : List.of("booting", "Listening on :80"))
            .memory(5_000_000, 9_000_000);

    StartupResult result = measure(runner, ProbeSpec.parse("log:Listening on .*"), 2);

    assertThat(result.succeeded()).isTrue();
    assertThat(result.timeToReady().orElseThrow().min()).isBetween(ms(80), TIMEOUT);
    assertThat(result.memory().orElseThrow().median()).isEqualTo(ByteSize.of(5_000_000));
    assertThat(result.peakMemory().orElseThrow().max()).isEqualTo(ByteSize.of(9_000_000));
  }

  @Test
  void containerThatNeverGetsReadyTimesOutWithItsLastLogLines() {
    ScriptedRunner runner =
        new ScriptedRunner(ms -> RUNNING).logs(ms -> List.of("waiting for db", "still waiting"));

    StartupFailure failure =
        measure(runner, ProbeSpec.parse("log:never"), 5, SHORT).failure().orElseThrow();

    assertThat(failure.reason()).isEqualTo(StartupFailure.Reason.TIMEOUT);
    assertThat(failure.after()).isGreaterThanOrEqualTo(SHORT);
    assertThat(failure.exitCode()).isEmpty();
    assertThat(failure.lastLogLines()).containsExactly("waiting for db", "still waiting");
    assertThat(failure.message()).isEqualTo("not ready within 0.40 s (probe log:never)");
    assertThat(runner.removed).isEqualTo(runner.created).hasSize(1);
  }

  @Test
  void keepingFailedRunsLeavesOnlyTheFailedRunsContainer() {
    ScriptedRunner failing = new ScriptedRunner(ms -> ContainerState.exited(3));
    ScriptedRunner ready = new ScriptedRunner(ms -> ContainerState.exited(0));

    StartupResult failed =
        new StartupMeasurer(failing, true).measure("img", new ProbeSpec.Exit(), 3, TIMEOUT);
    StartupResult succeeded =
        new StartupMeasurer(ready, true).measure("img", new ProbeSpec.Exit(), 3, TIMEOUT);

    assertThat(failed.failure().orElseThrow().run()).isEqualTo(1);
    assertThat(failing.created).hasSize(1);
    assertThat(failing.removed).isEmpty();
    assertThat(succeeded.succeeded()).isTrue();
    assertThat(ready.removed).isEqualTo(ready.created).hasSize(3);
  }

  @Test
  void healthcheckProbeWaitsForHealthy() {
    ScriptedRunner runner =
        new ScriptedRunner(
            ms ->
                ContainerState.running(
                    ms < 60 ? ContainerState.Health.STARTING : ContainerState.Health.HEALTHY));

    StartupResult result = measure(runner, new ProbeSpec.Healthcheck(), 2);

    assertThat(result.succeeded()).isTrue();
    assertThat(result.timeToReady().orElseThrow().min()).isBetween(ms(60), TIMEOUT);
  }

  @Test
  void healthcheckProbeFailsOnUnhealthyAndOnAnImageWithoutHealthcheck() {
    ScriptedRunner unhealthy =
        new ScriptedRunner(ms -> ContainerState.running(ContainerState.Health.UNHEALTHY));
    ScriptedRunner none = new ScriptedRunner(ms -> RUNNING);

    assertThat(measure(unhealthy, new ProbeSpec.Healthcheck(), 2).failure().orElseThrow().reason())
        .isEqualTo(StartupFailure.Reason.UNHEALTHY);
    assertThat(measure(none, new ProbeSpec.Healthcheck(), 2).failure().orElseThrow().reason())
        .isEqualTo(StartupFailure.Reason.NO_HEALTHCHECK);
  }

  @Test
  void tcpProbeIsReadyWhenThePortAcceptsConnections() throws IOException {
    try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      ScriptedRunner runner = new ScriptedRunner(ms -> RUNNING).memory(7, 8);

      StartupResult result = measure(runner, new ProbeSpec.Tcp(server.getLocalPort()), 2);

      assertThat(result.succeeded()).isTrue();
      assertThat(result.memory().orElseThrow().median()).isEqualTo(ByteSize.of(7));
    }
  }

  @Test
  void httpProbeNeedsA2xxOr3xxAnswerOnItsPath() throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/health", ex -> reply(ex, 204));
    server.createContext("/broken", ex -> reply(ex, 500));
    server.createContext(
        "/moved",
        ex -> {
          // Ready as it stands: a redirect counts, and is not followed to the broken page.
          ex.getResponseHeaders().add("Location", "/broken");
          reply(ex, 302);
        });
    server.start();
    try {
      int port = server.getAddress().getPort();
      ScriptedRunner runner = new ScriptedRunner(ms -> RUNNING);

      assertThat(measure(runner, new ProbeSpec.Http(port, "/health"), 2).succeeded()).isTrue();
      assertThat(measure(runner, new ProbeSpec.Http(port, "/moved"), 1).succeeded()).isTrue();
      assertThat(measure(runner, new ProbeSpec.Http(port, "/broken"), 2, SHORT).failure())
          .map(StartupFailure::reason)
          .contains(StartupFailure.Reason.TIMEOUT);
    } finally {
      server.stop(0);
    }
  }

  @Test
  void engineErrorPropagatesButTheContainerIsStillRemoved() {
    ScriptedRunner runner =
        new ScriptedRunner(ms -> RUNNING)
            .failStartWith(SizebotException.environment("engine said no"));

    assertThatThrownBy(() -> measure(runner, new ProbeSpec.Exit(), 2)).hasMessage("engine said no");
    assertThat(runner.removed).isEqualTo(runner.created).hasSize(1);
  }

  @Test
  void imagesAreRunInTurnAndOneWhoseRunFailsStopsWhileTheOtherGoesOn() {
    ScriptedRunner runner =
        new ScriptedRunner(ms -> ContainerState.exited(0))
            .forImage("head", ms -> ContainerState.exited(3));

    List<StartupResult> results =
        new StartupMeasurer(runner)
            .measureInTurn(List.of("base", "head"), new ProbeSpec.Exit(), 3, TIMEOUT);

    assertThat(runner.started).containsExactly("base", "head", "base", "base");
    assertThat(results).extracting(StartupResult::image).containsExactly("base", "head");
    assertThat(results.get(0).samples()).extracting(RunSample::run).containsExactly(1, 2, 3);
    assertThat(results.get(0).failure()).isEmpty();
    assertThat(results.get(1).samples()).isEmpty();
    assertThat(results.get(1).failure().orElseThrow().run()).isEqualTo(1);
    assertThat(runner.removed).isEqualTo(runner.created).hasSize(4);
  }

  @Test
  void badRunCountsAndTimeoutsAreInvalidInput() {
    StartupMeasurer measurer = new StartupMeasurer(new ScriptedRunner(ms -> RUNNING));

    assertThatThrownBy(() -> measurer.measure("img", new ProbeSpec.Exit(), 0, TIMEOUT))
        .isInstanceOf(SizebotException.class)
        .hasMessage("startup runs must be 1-100, not 0");
    assertThatThrownBy(() -> measurer.measure("img", new ProbeSpec.Exit(), 1, Duration.ZERO))
        .isInstanceOf(SizebotException.class)
        .hasMessage("startup timeout must be positive, not PT0S");
  }

  private static StartupResult measure(ScriptedRunner runner, ProbeSpec probe, int runs) {
    return measure(runner, probe, runs, TIMEOUT);
  }

  private static StartupResult measure(
      ScriptedRunner runner, ProbeSpec probe, int runs, Duration timeout) {
    StartupResult result = new StartupMeasurer(runner).measure("img", probe, runs, timeout);
    assertThat(result.image()).isEqualTo("img");
    assertThat(result.runsRequested()).isEqualTo(runs);
    return result;
  }

  private static void reply(HttpExchange exchange, int status) throws IOException {
    exchange.sendResponseHeaders(status, -1);
    exchange.close();
  }

  private static Duration ms(long millis) {
    return Duration.ofMillis(millis);
  }

  @Test
  void anExitTheEngineAnnouncesIsTimedWhenAnnouncedNotAtTheNextPoll() {
    // Exits at 60 ms; every look at the state takes 150 ms. Polling alone would see the exit at
    // 150 ms at the earliest; the announced exit is timed at about 60 ms.
    ScriptedRunner runner =
        new ScriptedRunner(ms -> ms < 60 ? RUNNING : ContainerState.exited(0))
            .announcesExit()
            .stateLatency(150);

    StartupResult result = measure(runner, new ProbeSpec.Exit(), 2);

    assertThat(result.succeeded()).isTrue();
    assertThat(result.samples())
        .allSatisfy(
            s ->
                assertThat(s.timeToReady())
                    .isBetween(Duration.ofMillis(60), Duration.ofMillis(140)));
  }
}
