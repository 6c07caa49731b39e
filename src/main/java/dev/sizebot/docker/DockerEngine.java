package dev.sizebot.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.transport.DockerHttpClient;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import dev.sizebot.common.SizebotException;
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

  private final DockerClient client;
  private final DockerHttpClient http;
  private final String host;
  private Optional<ApiVersion> apiVersion;

  private DockerEngine(DockerClient client, DockerHttpClient http, String host) {
    this.client = client;
    this.http = http;
    this.host = host;
  }

  /** Connects and pings; an unreachable engine is an environment error (exit 3). */
  public static DockerEngine connect() {
    DockerClientConfig config = DefaultDockerClientConfig.createDefaultConfigBuilder().build();
    DockerHttpClient http =
        new ZerodepDockerHttpClient.Builder()
            .dockerHost(config.getDockerHost())
            .sslConfig(config.getSSLConfig())
            .connectionTimeout(Duration.ofSeconds(10))
            // Saves of multi-GB images stream for minutes; only a silent engine should time out.
            .responseTimeout(Duration.ofMinutes(30))
            .maxConnections(16)
            .build();
    DockerEngine engine =
        new DockerEngine(
            DockerClientImpl.getInstance(config, http), http, config.getDockerHost().toString());
    engine.ping();
    return engine;
  }

  public DockerClient client() {
    return client;
  }

  /**
   * The transport under {@link #client()}, for the few Engine API parameters docker-java has no
   * builder method for (e.g. stats {@code one-shot}).
   */
  DockerHttpClient http() {
    return http;
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
  public void close() {
    try {
      client.close();
    } catch (IOException e) {
      // Closing a socket client cannot lose data; nothing useful to tell the user.
    }
  }
}
