package dev.sizebot.docker;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.model.Statistics;
import dev.sizebot.startup.MemoryReading;
import dev.sizebot.testing.Engine;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stats of a running busybox httpd on the real engine, one-shot and the slow way. */
class ContainerStatsTest {
  @TempDir static Path dir;
  private static DockerEngine engine;
  private static StartupImages images;
  private static String container = "";

  @BeforeAll
  static void startHttpd() {
    Engine.require();
    engine = DockerEngine.connect();
    images = new StartupImages(dir);
    String httpd =
        images.on(
            images.base(), "httpd", "CMD [\"httpd\", \"-f\", \"-p\", \"8000\", \"-h\", \"/www\"]");
    container = Engine.docker("run", "-d", "--label", Engine.TEST_LABEL + "=1", httpd).strip();
  }

  @AfterAll
  static void removeAll() {
    if (!container.isEmpty()) {
      Engine.docker("rm", "-f", container);
      assertThat(Engine.docker("ps", "-aq", "--filter", "id=" + container)).isBlank();
    }
    if (images != null) {
      images.close();
    }
    if (engine != null) {
      engine.close();
    }
  }

  @Test
  void aOneShotReadWaitsForOneCollectorSampleNotTwo() throws InterruptedException {
    ContainerStats stats = ContainerStats.on(engine);
    assertThat(stats.oneShot()).as("dockerd 20.10+ speaks Engine API 1.41").isTrue();
    // The first read loads the JSON mapping, as in a compare run, and returns just after one of
    // the engine's 1 s collector ticks. Waiting half a tick more puts the timed read mid-interval
    // even when another client keeps the collector ticking (the engine is shared); read at once,
    // it would wait out the whole interval.
    stats.once(container).orElseThrow();
    Thread.sleep(1_500);

    long started = System.nanoTime();
    Optional<Statistics> sample = stats.once(container);
    Duration took = Duration.ofNanos(System.nanoTime() - started);

    assertThat(sample).isPresent();
    // One sample arrives within one 1 s collector tick (0.5 s mid-interval); two-sample reads take
    // 1.6-1.9 s here. 1.5 s tells them apart with room on both sides for a busy CI runner.
    assertThat(took).isLessThan(Duration.ofMillis(1_500));
  }

  @Test
  void oneShotAndTwoSampleReadsGiveTheSameMemoryFigures() {
    ContainerStats twoSamples = new ContainerStats(engine.client(), Optional.empty());
    assertThat(twoSamples.oneShot()).isFalse();

    MemoryReading slow = twoSamples.once(container).flatMap(EngineMemory::fromStats).orElseThrow();
    MemoryReading fast =
        ContainerStats.on(engine).once(container).flatMap(EngineMemory::fromStats).orElseThrow();

    // An idle httpd charges no memory between the two reads: the same cgroup figures exactly.
    assertThat(fast).isEqualTo(slow);
    boolean cgroupV1 = "1".equals(Engine.docker("info", "--format", "{{.CgroupVersion}}").strip());
    assertThat(fast.peak().isPresent()).isEqualTo(cgroupV1);
  }

  @Test
  void aContainerTheEngineDoesNotKnowHasNoStats() {
    assertThat(ContainerStats.on(engine).once("f".repeat(64))).isEmpty();
    assertThat(new ContainerStats(engine.client(), Optional.empty()).once("f".repeat(64)))
        .isEmpty();
  }
}
