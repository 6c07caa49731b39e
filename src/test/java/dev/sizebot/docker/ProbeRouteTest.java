package dev.sizebot.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProbeRouteTest {
  @ParameterizedTest(name = "in container {0}, engine knows us {1}, mode {2}, networks {3} -> {4}")
  @CsvSource(
      delimiter = '|',
      nullValues = "-",
      value = {
        // on the host: the bridge subnet is routed
        "false | false | -                | -                           | bridge",
        // in a container the engine does not know (nested or remote engine)
        "true  | false | -                | -                           | bridge",
        // a GitHub docker action: on the job's network
        "true  | true  | github_network_1 | github_network_1            | github_network_1",
        "true  | true  | default          | bridge                      | bridge",
        "true  | true  | host             | host                        | bridge",
        "true  | true  | none             | none                        | bridge",
        "true  | true  | container:abc    | -                           | bridge",
        "true  | true  | bridge           | bridge,zeta,alpha           | alpha",
        "true  | true  | default          | -                           | bridge",
      })
  void routeFollowsSizebotOntoItsOwnNetwork(
      boolean inContainer, boolean known, String mode, String networks, String expected) {
    Optional<ProbeRoute.Self> self =
        known
            ? Optional.of(
                new ProbeRoute.Self(
                    "abc", mode, networks == null ? List.of() : Arrays.asList(networks.split(","))))
            : Optional.empty();

    ProbeRoute route = ProbeRoute.choose(inContainer, self);

    assertThat(route.network()).isEqualTo(expected);
    assertThat(route)
        .isInstanceOf(
            expected.equals("bridge")
                ? ProbeRoute.DefaultBridge.class
                : ProbeRoute.SharedNetwork.class);
  }
}
