package dev.sizebot.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.DockerException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds out whether sizebot runs inside a container and, if so, which one, so the probe route can
 * follow it onto its network (see {@link ProbeRoute#choose}).
 */
final class OwnContainer {
  // Docker bind-mounts /etc/hostname, /etc/hosts and resolv.conf from
  // /var/lib/docker/containers/<id>/ — visible in mountinfo under cgroup v1 and v2 alike.
  private static final Pattern MOUNT_ID = Pattern.compile("/containers/([0-9a-f]{64})/");
  // cgroup v1 paths: /docker/<id>, /system.slice/docker-<id>.scope, /kubepods/…/<id>.
  private static final Pattern CGROUP_ID = Pattern.compile("[/-]([0-9a-f]{64})(?:\\.scope)?$");
  // Docker's default hostname is the first 12 hex digits of the id; the engine accepts prefixes.
  private static final Pattern SHORT_ID = Pattern.compile("[0-9a-f]{12}");
  private static final Pattern RUNTIME_CGROUP =
      Pattern.compile("docker|kubepods|containerd|libpod");

  private OwnContainer() {}

  /** True when this process runs in a container (Docker, Podman or a Kubernetes pod). */
  static boolean detect(Path root) {
    return Files.exists(root.resolve(".dockerenv"))
        || Files.exists(root.resolve("run/.containerenv"))
        || RUNTIME_CGROUP.matcher(read(root.resolve("proc/self/cgroup"))).find();
  }

  /** Ids this container may have, most reliable first. */
  static List<String> candidateIds(String mountinfo, String cgroup, String hostname) {
    Set<String> ids = new LinkedHashSet<>();
    Matcher mount = MOUNT_ID.matcher(mountinfo);
    while (mount.find()) {
      ids.add(mount.group(1));
    }
    for (String line : cgroup.split("\n")) {
      Matcher id = CGROUP_ID.matcher(line.strip());
      if (id.find()) {
        ids.add(id.group(1));
      }
    }
    if (SHORT_ID.matcher(hostname.strip()).matches()) {
      ids.add(hostname.strip());
    }
    return List.copyOf(ids);
  }

  static List<String> candidateIds(Path root) {
    return candidateIds(
        read(root.resolve("proc/self/mountinfo")),
        read(root.resolve("proc/self/cgroup")),
        read(root.resolve("etc/hostname")));
  }

  /** The first candidate the engine knows, with its network mode and networks. */
  static Optional<ProbeRoute.Self> lookUp(DockerClient client, List<String> candidates) {
    for (String id : candidates) {
      try {
        InspectContainerResponse container = client.inspectContainerCmd(id).exec();
        String mode = container.getHostConfig().getNetworkMode();
        List<String> networks = new ArrayList<>();
        if (container.getNetworkSettings() != null
            && container.getNetworkSettings().getNetworks() != null) {
          networks.addAll(container.getNetworkSettings().getNetworks().keySet());
        }
        return Optional.of(
            new ProbeRoute.Self(container.getId(), mode == null ? "default" : mode, networks));
      } catch (DockerException | IllegalArgumentException e) {
        // Not a container of this engine (nested or remote engine); try the next candidate.
      }
    }
    return Optional.empty();
  }

  /** The route for this process on this engine. */
  static ProbeRoute route(DockerClient client, Path root) {
    boolean inContainer = detect(root);
    Optional<ProbeRoute.Self> self =
        inContainer ? lookUp(client, candidateIds(root)) : Optional.empty();
    return ProbeRoute.choose(inContainer, self);
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException | RuntimeException e) {
      return ""; // not Linux, or not readable: nothing to learn from this file
    }
  }
}
