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
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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
  private static final long WAIT_SECONDS = 10;
  private static final ObjectMapper JSON =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private final DockerClient client;
  private final Optional<DockerHttpClient> oneShot;

  /** {@code oneShot} is the transport to send one-shot requests on; empty for older engines. */
  ContainerStats(DockerClient client, Optional<DockerHttpClient> oneShot) {
    this.client = client;
    this.oneShot = oneShot;
  }

  /** Stats of this engine, one-shot when its API version has it. */
  static ContainerStats on(DockerEngine engine) {
    boolean supported =
        engine.apiVersion().filter(v -> v.atLeast(ApiVersion.ONE_SHOT_STATS)).isPresent();
    return new ContainerStats(
        engine.client(), supported ? Optional.of(engine.http()) : Optional.empty());
  }

  /** True when samples are taken with {@code one-shot=true}. */
  boolean oneShot() {
    return oneShot.isPresent();
  }

  /** The sample; empty when the container is gone. */
  Optional<Statistics> once(String containerId) {
    return oneShot.isPresent() ? current(oneShot.get(), containerId) : twoSamples(containerId);
  }

  // The transport has no per-request timeout (its response timeout is sized for long saves), so
  // the wait is bounded here; a request left hanging dies with its daemon thread.
  private static Optional<Statistics> current(DockerHttpClient http, String containerId) {
    FutureTask<Optional<Statistics>> request = new FutureTask<>(() -> fetch(http, containerId));
    Thread thread = new Thread(request, "sizebot-stats");
    thread.setDaemon(true);
    thread.start();
    try {
      return request.get(WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      thread.interrupt();
      throw silent(containerId);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw SizebotException.environment("interrupted while reading container stats", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof SizebotException s) {
        throw s;
      }
      throw failed(containerId, e.getCause());
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
      if (!callback.awaitCompletion(WAIT_SECONDS, TimeUnit.SECONDS)) {
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

  private static SizebotException silent(String containerId) {
    return SizebotException.environment(
        "the Docker engine sent no stats of container "
            + containerId
            + " within "
            + WAIT_SECONDS
            + " s");
  }

  private static SizebotException failed(String containerId, Throwable cause) {
    return SizebotException.environment(
        "could not read stats of container " + containerId + ": " + EngineMessage.of(cause), cause);
  }
}
