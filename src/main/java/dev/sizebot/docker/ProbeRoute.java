package dev.sizebot.docker;

import java.util.List;
import java.util.Optional;

/**
 * How sizebot reaches a probed container without publishing ports. Chosen once per engine from
 * where sizebot itself runs.
 */
sealed interface ProbeRoute {
  /** The name of the network the probed container joins. */
  String network();

  /**
   * The container joins the engine's default {@code bridge} network and is reached at its IP there.
   * Right when sizebot runs on the engine's host (Linux routes the bridge subnets), in a container
   * with host networking, or in a container the engine does not know (the engine is nested inside
   * sizebot's container, or remote).
   */
  record DefaultBridge() implements ProbeRoute {
    @Override
    public String network() {
      return "bridge";
    }
  }

  /**
   * sizebot runs in a container of the same engine (a GitHub docker action runs on a {@code
   * github_network_…} network): the probed container joins that network and is reached at its IP
   * there, which sizebot's container can route to.
   */
  record SharedNetwork(String network) implements ProbeRoute {
    public SharedNetwork {
      if (network == null || network.isBlank()) {
        throw new IllegalArgumentException("network name must not be blank");
      }
    }
  }

  /** sizebot's own container as the engine describes it. */
  record Self(String id, String networkMode, List<String> networks) {
    public Self {
      networks = List.copyOf(networks);
    }
  }

  /**
   * The route for sizebot running inside a container ({@code inContainer}) that the engine knows as
   * {@code self}, or not at all. A user-defined network wins over the default bridge (that is where
   * a job's service containers live too); names are taken in sorted order for a stable choice.
   */
  static ProbeRoute choose(boolean inContainer, Optional<Self> self) {
    if (!inContainer || self.isEmpty()) {
      return new DefaultBridge();
    }
    String mode = self.get().networkMode();
    if (mode.equals("host") || mode.startsWith("container:") || mode.equals("none")) {
      return new DefaultBridge();
    }
    List<String> usable =
        self.get().networks().stream()
            .filter(n -> !n.equals("host") && !n.equals("none"))
            .sorted()
            .toList();
    return usable.stream()
        .filter(n -> !n.equals("bridge"))
        .findFirst()
        .<ProbeRoute>map(SharedNetwork::new)
        .orElse(new DefaultBridge());
  }
}
