package dev.sizebot.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Frame;
import dev.sizebot.common.SizebotException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Reads the tail of a container's output (stdout and stderr, in arrival order). */
final class ContainerLogs {
  private static final long WAIT_SECONDS = 10;

  /** Lines come from the image: long ones are cut so a report stays readable. */
  static final int MAX_LINE = 500;

  private ContainerLogs() {}

  static List<String> tail(DockerClient client, String containerId, int lines) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ResultCallback.Adapter<Frame> callback =
        new ResultCallback.Adapter<>() {
          @Override
          public void onNext(Frame frame) {
            bytes.writeBytes(frame.getPayload());
          }
        };
    try {
      client
          .logContainerCmd(containerId)
          .withStdOut(true)
          .withStdErr(true)
          .withTail(lines)
          .exec(callback);
      if (!callback.awaitCompletion(WAIT_SECONDS, TimeUnit.SECONDS)) {
        throw SizebotException.environment(
            "the Docker engine sent no logs of container " + containerId + " within 10 s");
      }
    } catch (NotFoundException e) {
      return List.of();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw SizebotException.environment("interrupted while reading container logs", e);
    } catch (SizebotException e) {
      throw e;
    } catch (RuntimeException e) {
      throw SizebotException.environment(
          "could not read logs of container " + containerId + ": " + EngineMessage.of(e), e);
    } finally {
      closeQuietly(callback);
    }
    return lines(bytes.toString(StandardCharsets.UTF_8));
  }

  static List<String> lines(String text) {
    if (text.isEmpty()) {
      return List.of();
    }
    return Arrays.stream(text.split("\r?\n"))
        .map(line -> line.length() > MAX_LINE ? line.substring(0, MAX_LINE) + "…" : line)
        .toList();
  }

  private static void closeQuietly(ResultCallback.Adapter<Frame> callback) {
    try {
      callback.close();
    } catch (IOException e) {
      // The stream has ended or failed already; nothing is left to release.
    }
  }
}
