package dev.sizebot.startup;

import dev.sizebot.common.ByteSize;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongFunction;

/**
 * A fake engine whose containers follow a script over time since start, so the measurer's logic is
 * tested without Docker. Records what was created and removed.
 */
final class ScriptedRunner implements ContainerRunner {
  final List<ContainerId> created = new ArrayList<>();
  final List<ContainerId> removed = new ArrayList<>();

  /** The image of each container started, in order. */
  final List<String> started = new ArrayList<>();

  private final LongFunction<ContainerState> stateAtMillis;
  private final Map<String, LongFunction<ContainerState>> stateByImage = new HashMap<>();
  private LongFunction<List<String>> logsAtMillis = millis -> List.of();
  private Optional<MemoryReading> memory = Optional.empty();
  private RuntimeException startFailure;
  private long startedNanos;
  private boolean announcesExit;
  private long stateLatencyMillis;

  ScriptedRunner(LongFunction<ContainerState> stateAtMillis) {
    this.stateAtMillis = stateAtMillis;
  }

  /** A script of its own for the containers of {@code image}. */
  ScriptedRunner forImage(String image, LongFunction<ContainerState> stateAtMillis) {
    stateByImage.put(image, stateAtMillis);
    return this;
  }

  ScriptedRunner logs(LongFunction<List<String>> logsAtMillis) {
    this.logsAtMillis = logsAtMillis;
    return this;
  }

  ScriptedRunner memory(long usedBytes, long peakBytes) {
    this.memory =
        Optional.of(new MemoryReading(ByteSize.of(usedBytes), Optional.of(ByteSize.of(peakBytes))));
    return this;
  }

  /** {@link #awaitExit} answers when the script says exited, as the engine's wait endpoint does. */
  ScriptedRunner announcesExit() {
    this.announcesExit = true;
    return this;
  }

  /** Each {@link #state} call takes this long, as an inspect over a busy engine does. */
  ScriptedRunner stateLatency(long millis) {
    this.stateLatencyMillis = millis;
    return this;
  }

  ScriptedRunner failStartWith(RuntimeException e) {
    this.startFailure = e;
    return this;
  }

  @Override
  public ContainerId create(String image) {
    ContainerId id = new ContainerId(image + "-c" + (created.size() + 1));
    created.add(id);
    return id;
  }

  @Override
  public void start(ContainerId container) {
    if (startFailure != null) {
      throw startFailure;
    }
    started.add(imageOf(container));
    startedNanos = System.nanoTime();
  }

  @Override
  public boolean awaitExit(ContainerId container, java.time.Duration timeout) {
    if (!announcesExit) {
      return false;
    }
    LongFunction<ContainerState> script =
        stateByImage.getOrDefault(imageOf(container), stateAtMillis);
    while (script.apply(millis()).running()) {
      if (millis() >= timeout.toMillis()) {
        return false;
      }
      pause(1);
    }
    return true;
  }

  @Override
  public ContainerState state(ContainerId container) {
    pause(stateLatencyMillis);
    return stateByImage.getOrDefault(imageOf(container), stateAtMillis).apply(millis());
  }

  private static void pause(long millis) {
    if (millis <= 0) {
      return;
    }
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public Optional<String> address(ContainerId container) {
    return Optional.of("127.0.0.1");
  }

  @Override
  public List<String> logTail(ContainerId container, int lines) {
    List<String> all = logsAtMillis.apply(millis());
    return all.subList(Math.max(0, all.size() - lines), all.size());
  }

  @Override
  public Optional<MemoryReading> memory(ContainerId container) {
    return memory;
  }

  @Override
  public void remove(ContainerId container) {
    removed.add(container);
  }

  private static String imageOf(ContainerId container) {
    return container.value().substring(0, container.value().lastIndexOf("-c"));
  }

  private long millis() {
    return (System.nanoTime() - startedNanos) / 1_000_000;
  }
}
