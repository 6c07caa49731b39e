package dev.sizebot.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.HealthState;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.ContainerNetwork;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.LogConfig;
import com.github.dockerjava.core.command.WaitContainerResultCallback;
import dev.sizebot.common.SizebotException;
import dev.sizebot.startup.ContainerId;
import dev.sizebot.startup.ContainerRunner;
import dev.sizebot.startup.ContainerState;
import dev.sizebot.startup.MemoryReading;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * {@link ContainerRunner} on the Docker engine through docker-java. Containers carry {@link
 * DockerEngine#OWNER_LABEL}{@code =runId}, publish no port at all (sizebot reaches them at their IP
 * on the network {@link ProbeRoute} picks), join a network namespace held for the runs ({@link
 * NetworkHolders}) where one can be had, log to bounded json-file logs so their output can be read
 * back, and are removed with force. {@link #close} removes the namespace holders.
 */
public final class DockerContainerRunner implements ContainerRunner, AutoCloseable {
  private final DockerClient client;
  private final ContainerStats stats;
  private final ProbeRoute route;
  private final String runId;
  private final NetworkHolders holders;
  // A start the engine refused (e.g. the entrypoint does not exist) is the image failing to start,
  // not the engine failing: it is reported as an exit with the engine's message as the last line.
  private final Map<String, String> refusedStarts = new ConcurrentHashMap<>();

  DockerContainerRunner(DockerClient client, ContainerStats stats, ProbeRoute route, String runId) {
    this(client, stats, route, runId, () -> false);
  }

  private DockerContainerRunner(
      DockerClient client,
      ContainerStats stats,
      ProbeRoute route,
      String runId,
      BooleanSupplier shuttingDown) {
    if (runId == null || runId.isBlank()) {
      throw new IllegalArgumentException("runId must not be blank");
    }
    this.client = client;
    this.stats = stats;
    this.route = route;
    this.runId = runId;
    this.holders =
        new NetworkHolders(client, route, Map.of(DockerEngine.OWNER_LABEL, runId), shuttingDown);
  }

  /**
   * A runner for this engine, its route chosen from where sizebot runs (on the host, or inside a
   * container of this engine as in a GitHub docker action). {@code runId} is the owner label value
   * that the run's final cleanup sweeps by.
   */
  public static DockerContainerRunner on(DockerEngine engine, String runId) {
    return on(engine, runId, () -> false);
  }

  /** A runner for {@code run}: labelled with its id, and making nothing once its cleanup began. */
  public static DockerContainerRunner on(DockerEngine engine, RunResources run) {
    return on(engine, run.runId(), run::closing);
  }

  private static DockerContainerRunner on(
      DockerEngine engine, String runId, BooleanSupplier shuttingDown) {
    return new DockerContainerRunner(
        engine.client(),
        ContainerStats.on(engine),
        OwnContainer.route(engine.client(), Path.of("/")),
        runId,
        shuttingDown);
  }

  /** The network probed containers join, e.g. {@code bridge} (for messages and tests). */
  public String network() {
    return route.network();
  }

  /** Why each run gets a network namespace of its own, when it does (for messages and tests). */
  public Optional<String> sharedNamespaceUnavailable() {
    return holders.unavailable();
  }

  /**
   * Gets the network namespace for the first run ready now (on this VM a pause image load and a
   * container start, about 1 s), so a caller can overlap that with other work; never throws (a
   * failure leaves runs to namespaces of their own).
   */
  public void prepare() {
    holders.next();
  }

  @Override
  public ContainerId create(String image) {
    Optional<NetworkHolders.Holder> holder = holders.next();
    HostConfig host =
        HostConfig.newHostConfig()
            .withNetworkMode(holder.map(h -> "container:" + h.id()).orElse(route.network()))
            .withPublishAllPorts(false)
            .withLogConfig(
                new LogConfig(
                    LogConfig.LoggingType.JSON_FILE, Map.of("max-size", "10m", "max-file", "1")));
    try {
      String id =
          client
              .createContainerCmd(image)
              .withLabels(Map.of(DockerEngine.OWNER_LABEL, runId))
              .withHostConfig(host)
              .exec()
              .getId();
      holder.ifPresent(h -> holders.joined(h, id));
      return new ContainerId(id);
    } catch (NotFoundException e) {
      throw SizebotException.invalidInput(
          "image '" + image + "' is not in the Docker engine: build or load it first", e);
    } catch (RuntimeException e) {
      throw SizebotException.environment(
          "the Docker engine could not create a container from '"
              + image
              + "': "
              + EngineMessage.of(e),
          e);
    }
  }

  @Override
  public void start(ContainerId container) {
    try {
      client.startContainerCmd(container.value()).exec();
    } catch (NotFoundException e) {
      throw SizebotException.environment("container " + container + " vanished before start", e);
    } catch (DockerException e) {
      refusedStarts.put(container.value(), EngineMessage.of(e));
    } catch (RuntimeException e) {
      throw SizebotException.environment(
          "the Docker engine could not start container " + container + ": " + EngineMessage.of(e),
          e);
    }
  }

  /** Through the engine's wait endpoint, which answers when the container's process ends. */
  @Override
  public boolean awaitExit(ContainerId container, Duration timeout) {
    if (refusedStarts.containsKey(container.value())) {
      return true; // it never ran
    }
    try (WaitContainerResultCallback exit =
        client.waitContainerCmd(container.value()).exec(new WaitContainerResultCallback())) {
      exit.awaitStatusCode(Math.max(1, timeout.toMillis()), TimeUnit.MILLISECONDS);
      return true;
    } catch (IOException | RuntimeException e) {
      // Timed out, or the engine could not say: the caller's polling decides.
      return false;
    }
  }

  @Override
  public ContainerState state(ContainerId container) {
    InspectContainerResponse.ContainerState state = inspect(container).getState();
    if (refusedStarts.containsKey(container.value())) {
      Long code = state.getExitCodeLong();
      return ContainerState.exited(code == null || code == 0 ? 127 : code.intValue());
    }
    if (Boolean.TRUE.equals(state.getRunning())) {
      return ContainerState.running(health(state.getHealth()));
    }
    Long code = state.getExitCodeLong();
    return ContainerState.exited(code == null ? -1 : code.intValue());
  }

  @Override
  public Optional<String> address(ContainerId container) {
    Optional<NetworkHolders.Holder> holder = holders.holderOf(container.value());
    if (holder.isPresent()) {
      return Optional.of(holder.get().address()); // its namespace's: it lists no network itself
    }
    InspectContainerResponse inspected = inspect(container);
    Map<String, ContainerNetwork> networks =
        inspected.getNetworkSettings() == null
            ? Map.of()
            : Optional.ofNullable(inspected.getNetworkSettings().getNetworks()).orElse(Map.of());
    Optional<String> ip =
        Optional.ofNullable(networks.get(route.network()))
            .map(ContainerNetwork::getIpAddress)
            .filter(address -> !address.isEmpty());
    if (ip.isEmpty() && Boolean.TRUE.equals(inspected.getState().getRunning())) {
      throw SizebotException.environment(
          "container "
              + container
              + " has no IP address on Docker network '"
              + route.network()
              + "'; check that the network exists and has IPv4 addressing");
    }
    return ip;
  }

  @Override
  public List<String> logTail(ContainerId container, int lines) {
    List<String> logs = ContainerLogs.tail(client, container.value(), lines);
    String refused = refusedStarts.get(container.value());
    if (refused == null) {
      return logs;
    }
    List<String> withEngine = new ArrayList<>(logs);
    withEngine.add("[docker] " + refused);
    return List.copyOf(
        withEngine.subList(Math.max(0, withEngine.size() - lines), withEngine.size()));
  }

  @Override
  public Optional<MemoryReading> memory(ContainerId container) {
    return stats.once(container.value()).flatMap(EngineMemory::fromStats);
  }

  @Override
  public void remove(ContainerId container) {
    refusedStarts.remove(container.value());
    try {
      client.removeContainerCmd(container.value()).withForce(true).withRemoveVolumes(true).exec();
      holders.left(container.value());
    } catch (NotFoundException e) {
      holders.left(container.value()); // already gone
    } catch (ConflictException e) {
      // Its removal is already in progress: it will not linger, but its namespace is not free yet.
    } catch (RuntimeException e) {
      throw SizebotException.environment(
          "could not remove container "
              + container
              + ": "
              + EngineMessage.of(e)
              + "; remove it with: docker rm -f "
              + container.value(),
          e);
    }
  }

  /** Removes the network namespace holders that no kept container uses; never throws. */
  @Override
  public void close() {
    holders.close();
  }

  private InspectContainerResponse inspect(ContainerId container) {
    try {
      return client.inspectContainerCmd(container.value()).exec();
    } catch (RuntimeException e) {
      throw SizebotException.environment(
          "could not inspect container " + container + ": " + EngineMessage.of(e), e);
    }
  }

  private static ContainerState.Health health(HealthState health) {
    if (health == null || health.getStatus() == null) {
      return ContainerState.Health.NONE;
    }
    return switch (health.getStatus()) {
      case "healthy" -> ContainerState.Health.HEALTHY;
      case "unhealthy" -> ContainerState.Health.UNHEALTHY;
      case "starting" -> ContainerState.Health.STARTING;
      default -> ContainerState.Health.NONE;
    };
  }
}
