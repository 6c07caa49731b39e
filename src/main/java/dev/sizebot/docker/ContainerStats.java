package dev.sizebot.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Statistics;
import dev.sizebot.common.SizebotException;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One stats sample of a container. The engine samples every second, so a non-streaming request
 * answers after up to ~1 s; the memory is thus taken about a second after ready.
 */
final class ContainerStats {
  private static final long WAIT_SECONDS = 10;

  private ContainerStats() {}

  /** The sample; empty when the container is gone. */
  static Optional<Statistics> once(DockerClient client, String containerId) {
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
        throw SizebotException.environment(
            "the Docker engine sent no stats of container " + containerId + " within 10 s");
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
      throw SizebotException.environment(
          "could not read stats of container " + containerId + ": " + EngineMessage.of(e), e);
    } finally {
      try {
        callback.close();
      } catch (IOException e) {
        // Already ended; nothing left to release.
      }
    }
  }
}
