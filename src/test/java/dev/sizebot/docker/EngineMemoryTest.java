package dev.sizebot.docker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.model.Statistics;
import dev.sizebot.common.ByteSize;
import dev.sizebot.startup.MemoryReading;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EngineMemoryTest {
  private static final ObjectMapper JSON =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  @Test
  void cgroupV1SubtractsTotalInactiveFileAndReportsMaxUsageAsPeak() throws Exception {
    // Shape of dockerd 20.10 on cgroup v1 (trimmed); inactive_file is the non-hierarchical value.
    Statistics stats =
        stats(
            """
            {"memory_stats":{"usage":10000000,"max_usage":25000000,
              "stats":{"cache":4000000,"inactive_file":1,"total_inactive_file":3000000}}}
            """);

    assertThat(EngineMemory.fromStats(stats))
        .contains(new MemoryReading(ByteSize.of(7_000_000), Optional.of(ByteSize.of(25_000_000))));
  }

  @Test
  void cgroupV2SubtractsInactiveFileAndHasNoPeak() throws Exception {
    Statistics stats =
        stats(
            """
            {"memory_stats":{"usage":8000000,"limit":2000000000,
              "stats":{"anon":5000000,"file":3000000,"inactive_file":2500000}}}
            """);

    assertThat(EngineMemory.fromStats(stats))
        .contains(new MemoryReading(ByteSize.of(5_500_000), Optional.empty()));
  }

  @Test
  void olderEnginesFallBackToCache() throws Exception {
    Statistics stats = stats("{\"memory_stats\":{\"usage\":9000,\"stats\":{\"cache\":1000}}}");

    assertThat(EngineMemory.fromStats(stats).orElseThrow().used()).isEqualTo(ByteSize.of(8000));
  }

  @Test
  void cacheLargerThanUsageLeavesUsageAsIs() throws Exception {
    Statistics stats =
        stats("{\"memory_stats\":{\"usage\":9000,\"stats\":{\"total_inactive_file\":9001}}}");

    assertThat(EngineMemory.fromStats(stats).orElseThrow().used()).isEqualTo(ByteSize.of(9000));
  }

  @Test
  void anExitedContainerHasNoMemory() throws Exception {
    assertThat(EngineMemory.fromStats(stats("{\"memory_stats\":{}}"))).isEmpty();
    assertThat(EngineMemory.fromStats(stats("{}"))).isEmpty();
  }

  private static Statistics stats(String json) throws Exception {
    return JSON.readValue(json, Statistics.class);
  }
}
