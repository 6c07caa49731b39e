package dev.sizebot.startup;

import dev.sizebot.common.ByteSize;
import java.util.Optional;

/**
 * One memory sample of a container from the engine's stats.
 *
 * @param used memory in use with the page cache excluded (what {@code docker stats} shows)
 * @param peak the highest usage since start where the engine reports it (cgroup v1 {@code
 *     max_usage}, which counts page cache too); empty under cgroup v2
 */
public record MemoryReading(ByteSize used, Optional<ByteSize> peak) {}
