package dev.sizebot.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.transport.DockerHttpClient;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import dev.sizebot.common.SizebotException;
import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

/**
 * The one connection to the Docker engine. docker-java reads {@code DOCKER_HOST} and friends
 * itself, exactly as the docker CLI does, so sizebot talks to the same engine the user's builds
 * use.
 */
public final class DockerEngine implements AutoCloseable {
  /** Label on every image and container sizebot creates, so cleanup can find them. */
  public static final String OWNER_LABEL = "dev.sizebot.owner";

  /**
   * How long {@link #quickHttp()} waits for an answer: a stats sample comes within one 1 s
   * collector tick, so ten seconds of silence means the engine is stuck, not busy.
   */
  static final Duration QUICK_RESPONSE = Duration.ofSeconds(10);

  private final DockerClient client;
  private final DockerClientConfig config;
  private final String host;
  private Optional<ApiVersion> apiVersion;
  private DockerHttpClient quick;

  private DockerEngine(DockerClient client, DockerClientConfig config) {
    this.client = client;
    this.config = config;
    this.host = config.getDockerHost().toString();
  }

  /** Connects and pings; an unreachable engine is an environment error (exit 3). */
  public static DockerEngine connect() {
    DockerClientConfig config = DefaultDockerClientConfig.createDefaultConfigBuilder().build();
    // Saves of multi-GB images stream for minutes; only a silent engine should time out.
    DockerHttpClient http = transport(config, Duration.ofMinutes(30), 16);
    DockerEngine engine = new DockerEngine(DockerClientImpl.getInstance(config, http), config);
    engine.ping();
    return engine;
  }

  static DockerHttpClient transport(
      DockerClientConfig config, Duration responseTimeout, int maxConnections) {
    return new ZerodepDockerHttpClient.Builder()
        .dockerHost(config.getDockerHost())
        .sslConfig(config.getSSLConfig())
        .connectionTimeout(Duration.ofSeconds(10))
        .responseTimeout(responseTimeout)
        .maxConnections(maxConnections)
        .build();
  }

  public DockerClient client() {
    return client;
  }

  /**
   * A second transport to the same engine for short requests that docker-java has no builder method
   * for (stats {@code one-shot}). Its responses time out after {@link #QUICK_RESPONSE}; the
   * client's own transport cannot, since it also carries saves that stream for minutes. Made on
   * first use.
   */
  synchronized DockerHttpClient quickHttp() {
    if (quick == null) {
      quick = transport(config, QUICK_RESPONSE, 2);
    }
    return quick;
  }

  /**
   * The highest Engine API version the engine speaks (asked once); empty when it answers with
   * something that is not MAJOR.MINOR, so callers take their oldest path.
   */
  synchronized Optional<ApiVersion> apiVersion() {
    if (apiVersion == null) {
      try {
        apiVersion = ApiVersion.parse(client.versionCmd().exec().getApiVersion());
      } catch (RuntimeException e) {
        throw SizebotException.environment(
            "the Docker engine at " + host + " did not tell its version: " + EngineMessage.of(e),
            e);
      }
    }
    return apiVersion;
  }

  /** Where the engine lives, e.g. {@code unix:///var/run/docker.sock} (for messages). */
  public String host() {
    return host;
  }

  private void ping() {
    try {
      client.pingCmd().exec();
    } catch (RuntimeException e) {
      throw SizebotException.environment(
          "no Docker engine answers at " + host + ": start Docker (or set DOCKER_HOST) and retry",
          e);
    }
  }

  @Override
  public synchronized void close() {
    closeQuietly(client);
    if (quick != null) {
      closeQuietly(quick);
    }
  }

  // Each transport on its own: one that fails to close must not leave the other open.
  private static void closeQuietly(Closeable transport) {
    try {
      transport.close();
    } catch (IOException e) {
      // Closing a socket client cannot lose data; nothing useful to tell the user.
    }
  }
}
