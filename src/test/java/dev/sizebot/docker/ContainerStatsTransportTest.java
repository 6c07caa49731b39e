package dev.sizebot.docker;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.transport.DockerHttpClient;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.sizebot.common.ExitCode;
import dev.sizebot.common.SizebotException;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The one-shot stats request on a transport whose engine is WireMock on 127.0.0.1: the exact
 * request, and what a silent or failing engine turns into. The real engine's answers are in {@link
 * ContainerStatsTest}.
 */
class ContainerStatsTransportTest {
  private static final String ID = "4f1c0ffee";
  private static final String PATH =
      "/v1.41/containers/" + ID + "/stats?stream=false&one-shot=true";
  private static final Duration WAIT = Duration.ofMillis(500);

  private WireMockServer engine;
  private DockerHttpClient http;
  private ContainerStats stats;

  @BeforeEach
  void start() {
    engine = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    engine.start();
    DockerClientConfig config =
        DefaultDockerClientConfig.createDefaultConfigBuilder()
            .withDockerHost("tcp://127.0.0.1:" + engine.port())
            .withDockerTlsVerify(false)
            .build();
    http = DockerEngine.transport(config, WAIT, 2);
    stats = new ContainerStats(DockerClientImpl.getInstance(config, http), Optional.of(http), WAIT);
  }

  @AfterEach
  void stop() throws IOException {
    http.close();
    engine.stop();
  }

  @Test
  void aSampleIsOneGetWithOneShotAndItsMemoryIsRead() {
    engine.stubFor(
        get(urlEqualTo(PATH))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"read\":\"2026-11-30T18:00:00.5Z\",\"id\":\""
                            + ID
                            + "\",\"memory_stats\":{\"usage\":6000000,\"max_usage\":9000000,"
                            + "\"stats\":{\"total_inactive_file\":1000000},"
                            + "\"limit\":25000000000}}")));

    var sample = stats.once(ID).orElseThrow();

    assertThat(sample.getMemoryStats().getUsage()).isEqualTo(6_000_000L);
    assertThat(sample.getMemoryStats().getMaxUsage()).isEqualTo(9_000_000L);
    engine.verify(1, getRequestedFor(urlEqualTo(PATH)));
    assertThat(engine.getAllServeEvents()).hasSize(1);
  }

  @Test
  void aSilentEngineIsOneErrorLineAfterTheWaitNotAHang() {
    engine.stubFor(get(urlEqualTo(PATH)).willReturn(aResponse().withFixedDelay(5_000)));

    long started = System.nanoTime();
    SizebotException e = catchThrowableOfType(SizebotException.class, () -> stats.once(ID));
    Duration took = Duration.ofNanos(System.nanoTime() - started);

    assertThat(e.exitCode()).isEqualTo(ExitCode.ENVIRONMENT);
    assertThat(e.getMessage())
        .isEqualTo(
            "the Docker engine sent no stats of container "
                + ID
                + " within 0.5 s: check that dockerd is responsive (docker stats "
                + ID
                + ")");
    assertThat(took).isGreaterThanOrEqualTo(WAIT).isLessThan(Duration.ofSeconds(4));
  }

  @Test
  void aContainerTheEngineDoesNotKnowHasNoSample() {
    engine.stubFor(
        get(urlEqualTo(PATH))
            .willReturn(
                aResponse()
                    .withStatus(404)
                    .withBody("{\"message\":\"No such container: " + ID + "\"}")));

    assertThat(stats.once(ID)).isEmpty();
  }

  @Test
  void anEngineErrorIsOneLineWithTheEnginesMessage() {
    engine.stubFor(
        get(urlEqualTo(PATH))
            .willReturn(
                aResponse()
                    .withStatus(500)
                    .withBody("{\"message\":\"cgroup stats unavailable\"}\n")));

    SizebotException e = catchThrowableOfType(SizebotException.class, () -> stats.once(ID));

    assertThat(e.exitCode()).isEqualTo(ExitCode.ENVIRONMENT);
    assertThat(e.getMessage())
        .isEqualTo("could not read stats of container " + ID + ": cgroup stats unavailable");
  }
}
