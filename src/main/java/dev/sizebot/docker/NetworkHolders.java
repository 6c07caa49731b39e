package dev.sizebot.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.ContainerNetwork;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.LogConfig;
import java.io.ByteArrayInputStream;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * Network namespaces for the startup runs, each held by a {@link PauseProgram} container that the
 * probed containers join ({@code --network container:<holder>}), as a Kubernetes pod's containers
 * join its pause container's.
 *
 * <p>Why: creating a network namespace and its veth pair is most of what {@code docker start} costs
 * on some hosts (0.3–0.4 s of a 0.5 s start on the VM of docs/performance.md). Paid once instead of
 * once per run, ten runs finish seconds sooner, and time-to-ready no longer carries the kernel's
 * namespace set-up, which is not the image's doing and varies from run to run.
 *
 * <p>A namespace is reused only when every container that joined it is gone (a kept failed run
 * starts a new one, so its ports stay its own). Its TCP connections leave no TIME_WAIT behind
 * ({@code net.ipv4.tcp_max_tw_buckets=0}, a per-namespace setting), so a server that binds without
 * SO_REUSEADDR can bind again in the next run. When a holder cannot be had (an architecture {@link
 * PauseProgram} is not written for, an old kernel, an engine that refuses), each run gets a
 * namespace of its own, as {@code docker run} gives it.
 */
final class NetworkHolders {
  /** Marks a holder container, so a kept one is described as what it is. */
  static final String ROLE_LABEL = "dev.sizebot.role";

  static final String ROLE = "network-holder";

  private static final String SHUTTING_DOWN = "sizebot is shutting down";

  /** A running holder: its container and the address its joiners' ports are reached at. */
  record Holder(String id, String address) {}

  private final DockerClient client;
  private final ProbeRoute route;
  private final Map<String, String> ownerLabel;
  private final BooleanSupplier shuttingDown;
  // Every holder started and not yet removed, with the containers that joined it and are not gone.
  private final Map<Holder, Set<String>> members = new LinkedHashMap<>();
  private Optional<String> image = Optional.empty();
  private Optional<String> unavailable = Optional.empty();
  private Holder current;

  /**
   * @param shuttingDown true once the run's cleanup has begun (Ctrl-C): from then on nothing is
   *     made, and what is made at that moment is removed again, since the cleanup's sweep may have
   *     passed it by
   */
  NetworkHolders(
      DockerClient client,
      ProbeRoute route,
      Map<String, String> ownerLabel,
      BooleanSupplier shuttingDown) {
    this.client = client;
    this.route = route;
    this.ownerLabel = Map.copyOf(ownerLabel);
    this.shuttingDown = shuttingDown;
  }

  /**
   * The namespace the next container is to join, or empty when it gets its own. Call {@link
   * #joined} once it is created.
   */
  synchronized Optional<Holder> next() {
    if (unavailable.isEmpty() && shuttingDown.getAsBoolean()) {
      return giveUp(null, SHUTTING_DOWN);
    }
    if (unavailable.isPresent()) {
      return Optional.empty();
    }
    if (current != null && members.get(current).isEmpty() && !running(current)) {
      // Killed from outside: a container told to join it would fail to start, and that failure
      // would be reported as the image's.
      removeQuietly(current.id());
      members.remove(current);
      current = null;
    }
    if (current == null || !members.get(current).isEmpty()) {
      current = start().orElse(null);
    }
    return Optional.ofNullable(current);
  }

  /** {@code container} joined {@code holder}: the namespace is not reused until it has left. */
  synchronized void joined(Holder holder, String container) {
    members.get(holder).add(container);
  }

  /** The holder whose namespace {@code container} joined, while it is there. */
  synchronized Optional<Holder> holderOf(String container) {
    return members.entrySet().stream()
        .filter(e -> e.getValue().contains(container))
        .map(Map.Entry::getKey)
        .findFirst();
  }

  /** {@code container} is gone (removed), so its namespace may be reused. */
  synchronized void left(String container) {
    members.values().forEach(m -> m.remove(container));
  }

  /** Why runs get namespaces of their own, when they do. */
  synchronized Optional<String> unavailable() {
    return unavailable;
  }

  /**
   * Removes the holders no kept container still uses, and the image once none is left. What stays
   * carries the owner label, so the run's final sweep (or {@code --keep}) deals with it.
   */
  synchronized void close() {
    List<Holder> unused =
        members.entrySet().stream()
            .filter(e -> e.getValue().isEmpty())
            .map(Map.Entry::getKey)
            .toList();
    for (Holder holder : unused) {
      removeQuietly(holder.id());
      members.remove(holder);
    }
    removeImageIfUnused();
    current = null;
  }

  private Optional<Holder> start() {
    String container = null;
    try {
      String pause = image.isPresent() ? image.get() : load();
      Map<String, String> labels = new HashMap<>(ownerLabel);
      labels.put(ROLE_LABEL, ROLE);
      HostConfig host =
          HostConfig.newHostConfig()
              .withNetworkMode(route.network())
              .withSysctls(Map.of("net.ipv4.tcp_max_tw_buckets", "0"))
              .withLogConfig(new LogConfig(LogConfig.LoggingType.NONE));
      container =
          client.createContainerCmd(pause).withLabels(labels).withHostConfig(host).exec().getId();
      if (shuttingDown.getAsBoolean()) {
        return giveUp(container, SHUTTING_DOWN);
      }
      client.startContainerCmd(container).exec();
      Optional<String> address = address(client.inspectContainerCmd(container).exec());
      if (address.isEmpty()) {
        return giveUp(container, "its holder has no address on network '" + route.network() + "'");
      }
      Holder holder = new Holder(container, address.get());
      members.put(holder, new HashSet<>());
      return Optional.of(holder);
    } catch (RuntimeException e) {
      return giveUp(container, EngineMessage.of(e));
    }
  }

  private boolean running(Holder holder) {
    try {
      return address(client.inspectContainerCmd(holder.id()).exec()).isPresent();
    } catch (RuntimeException e) {
      return false;
    }
  }

  private String load() {
    String architecture = client.infoCmd().exec().getArchitecture();
    PauseProgram.Program program =
        PauseProgram.forArchitecture(architecture == null ? "" : architecture)
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "no pause program for architecture '" + architecture + "'"));
    PauseImage pause = PauseImage.of(program, ownerLabel);
    client.loadImageCmd(new ByteArrayInputStream(pause.archive())).exec();
    image = Optional.of(pause.id()); // removed by giveUp() if the run is shutting down now
    return pause.id();
  }

  private Optional<String> address(InspectContainerResponse holder) {
    if (holder.getState() == null || !Boolean.TRUE.equals(holder.getState().getRunning())) {
      return Optional.empty();
    }
    return Optional.ofNullable(holder.getNetworkSettings())
        .map(s -> s.getNetworks())
        .map(n -> n.get(route.network()))
        .map(ContainerNetwork::getIpAddress)
        .filter(ip -> !ip.isEmpty());
  }

  private Optional<Holder> giveUp(String container, String why) {
    unavailable = Optional.of(why);
    if (container != null) {
      removeQuietly(container);
    }
    removeImageIfUnused();
    return Optional.empty();
  }

  private void removeImageIfUnused() {
    if (members.isEmpty()) {
      image.ifPresent(this::removeImageQuietly);
      image = Optional.empty();
    }
  }

  // Quietly: whatever stays carries the owner label, and the run's final sweep removes it or says
  // that it could not.
  private void removeQuietly(String container) {
    try {
      client.removeContainerCmd(container).withForce(true).exec();
    } catch (RuntimeException e) {
      // left to the sweep
    }
  }

  private void removeImageQuietly(String id) {
    try {
      client.removeImageCmd(id).withForce(true).exec();
    } catch (RuntimeException e) {
      // left to the sweep
    }
  }
}
