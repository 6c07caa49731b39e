package dev.sizebot.docker;

import com.github.dockerjava.api.model.MemoryStatsConfig;
import com.github.dockerjava.api.model.Statistics;
import com.github.dockerjava.api.model.StatsConfig;
import dev.sizebot.common.ByteSize;
import dev.sizebot.startup.MemoryReading;
import java.util.Optional;

/**
 * Memory from one Engine API stats sample, with the page cache taken out the way {@code docker
 * stats} does it (docker/cli {@code calculateMemUsageUnixNoCache}):
 *
 * <ul>
 *   <li>cgroup v1 (the {@code total_inactive_file} key is present): usage − total_inactive_file;
 *   <li>cgroup v2: usage − inactive_file;
 *   <li>engines older than both: usage − cache.
 * </ul>
 *
 * Inactive file pages are cache the kernel reclaims first, so what remains is what the process
 * really holds. The peak is cgroup v1's {@code max_usage}, which the engine reports as is
 * (including cache); cgroup v2 has no such field in the stats API, so the peak is then empty.
 */
final class EngineMemory {
  private EngineMemory() {}

  static Optional<MemoryReading> fromStats(Statistics stats) {
    MemoryStatsConfig memory = stats.getMemoryStats();
    if (memory == null || memory.getUsage() == null || memory.getUsage() <= 0) {
      return Optional.empty(); // an exited container reports an empty memory_stats object
    }
    long usage = memory.getUsage();
    long cache = reclaimableCache(memory.getStats());
    long used = cache < usage ? usage - cache : usage;
    Optional<ByteSize> peak =
        Optional.ofNullable(memory.getMaxUsage()).filter(p -> p > 0).map(ByteSize::of);
    return Optional.of(new MemoryReading(ByteSize.of(used), peak));
  }

  private static long reclaimableCache(StatsConfig stats) {
    if (stats == null) {
      return 0;
    }
    if (stats.getTotalInactiveFile() != null) {
      return stats.getTotalInactiveFile(); // cgroup v1
    }
    if (stats.getInactiveFile() != null) {
      return stats.getInactiveFile(); // cgroup v2
    }
    return stats.getCache() == null ? 0 : stats.getCache();
  }
}
