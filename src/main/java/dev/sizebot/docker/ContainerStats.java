package dev.sizebot.docker;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Statistics;
import com.github.dockerjava.transport.DockerHttpClient;
import dev.sizebot.common.SizebotException;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One stats sample of a container. moby answers a stats request with the next sample its collector
 * takes (every second; at once when nobody else is reading stats). Without {@code one-shot} a
 * non-streaming request waits for a second sample (1–2 s in all) only to fill {@code precpu_stats}
 * for a CPU percentage sizebot does not use; {@code one-shot=true} (Engine API 1.41, Docker 20.10)
 * returns the first, so a read takes at most one collector interval. The memory fields mean the
 * same either way. docker-java 3.7 has no builder method for it, so that request goes through the
 * transport; older engines take the slow path.
 */
final class ContainerStats {
  private static final ObjectMapper JSON =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private final DockerClient client;
  private final Optional<DockerHttpClient> oneShot;
  private final Duration wait;

  /**
   * @param oneShot the transport to send one-shot requests on, which times out a silent engine
   *     after {@link DockerEngine#QUICK_RESPONSE}; empty for older engines
   */
  ContainerStats(DockerClient client, Optional<DockerHttpClient> oneShot) {
    this(client, oneShot, DockerEngine.QUICK_RESPONSE);
  }

  /**
   * @param wait how long a read may wait for the engine: the one-shot transport's response timeout,
   *     and the slow path's own limit (for tests of a silent engine)
   */
  ContainerStats(DockerClient client, Optional<DockerHttpClient> oneShot, Duration wait) {
    this.client = client;
    this.oneShot = oneShot;
    this.wait = wait;
  }

  /** Stats of this engine, one-shot when its API version has it. */
  static ContainerStats on(DockerEngine engine) {
    boolean supported =
        engine.apiVersion().filter(v -> v.atLeast(ApiVersion.ONE_SHOT_STATS)).isPresent();
    return new ContainerStats(
        engine.client(), supported ? Optional.of(engine.quickHttp()) : Optional.empty());
  }

  /** True when samples are taken with {@code one-shot=true}. */
  boolean oneShot() {
    return oneShot.isPresent();
  }

  /** The sample; empty when the container is gone. */
  Optional<Statistics> once(String containerId) {
    return oneShot.isPresent() ? current(oneShot.get(), containerId) : twoSamples(containerId);
  }

  // The transport bounds the wait (its response timeout), so the read runs on this thread.
  private Optional<Statistics> current(DockerHttpClient http, String containerId) {
    try {
      return fetch(http, containerId);
    } catch (SizebotException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      // Reading the body throws IOExceptions as they are; the transport wraps those of sending
      // and of waiting for the headers in a RuntimeException.
      Throwable cause = e instanceof IOException || e.getCause() == null ? e : e.getCause();
      throw cause instanceof SocketTimeoutException
          ? silent(containerId)
          : failed(containerId, cause);
    }
  }

  private static Optional<Statistics> fetch(DockerHttpClient http, String containerId)
      throws IOException {
    DockerHttpClient.Request request =
        DockerHttpClient.Request.builder()
            .method(DockerHttpClient.Request.Method.GET)
            .path(
                "/v"
                    + ApiVersion.ONE_SHOT_STATS
                    + "/containers/"
                    + URLEncoder.encode(containerId, StandardCharsets.UTF_8)
                    + "/stats?stream=false&one-shot=true")
            .build();
    try (DockerHttpClient.Response response = http.execute(request);
        InputStream body = response.getBody()) {
      int status = response.getStatusCode();
      if (status == 404) {
        return Optional.empty();
      }
      if (status != 200) {
        String text = new String(body.readAllBytes(), StandardCharsets.UTF_8);
        throw SizebotException.environment(
            "could not read stats of container "
                + containerId
                + ": "
                + EngineMessage.of("Status " + status + ": " + text));
      }
      return Optional.of(JSON.readValue(body, Statistics.class));
    }
  }

  private Optional<Statistics> twoSamples(String containerId) {
    AtomicReference<Statistics> first = new AtomicReference<>();
    ResultCallback.Adapter<Statistics> callback =
        new ResultCallback.Adapter<>() {
          @Override
          public void onNext(Statistics stats) {
            first.compareAndSet(null, stats);
          }
        };
    try {
      client.statsCmd(containerId).withNoStream(true).exec(callback);
      if (!callback.awaitCompletion(wait.toMillis(), TimeUnit.MILLISECONDS)) {
        throw silent(containerId);
      }
      return Optional.ofNullable(first.get());
    } catch (NotFoundException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw SizebotException.environment("interrupted while reading container stats", e);
    } catch (SizebotException e) {
      throw e;
    } catch (RuntimeException e) {
      throw failed(containerId, e);
    } finally {
      try {
        callback.close();
      } catch (IOException e) {
        // Already ended; nothing left to release.
      }
    }
  }

  private SizebotException silent(String containerId) {
    return SizebotException.environment(
        "the Docker engine sent no stats of container "
            + containerId
            + String.format(Locale.ROOT, " within %.1f s", wait.toMillis() / 1000.0)
            + ": check that dockerd is responsive (docker stats "
            + containerId
            + ")");
  }

  private static SizebotException failed(String containerId, Throwable cause) {
    return SizebotException.environment(
        "could not read stats of container " + containerId + ": " + EngineMessage.of(cause), cause);
  }
}
