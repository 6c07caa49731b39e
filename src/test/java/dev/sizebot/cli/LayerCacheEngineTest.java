package dev.sizebot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sizebot.testing.Engine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The layer cache against the real engine: a second compare of the same pair reads no layer and
 * prints the same report to the byte; a head changed by one step reads that one layer only.
 */
class LayerCacheEngineTest {
  private static final String TAG =
      "sizebot-test-cache-" + UUID.randomUUID().toString().substring(0, 8);
  private static final String BASE = TAG + ":base";
  private static final String HEAD = TAG + ":head";
  private static final String OTHER_HEAD = TAG + ":other-head";
  private static final String PRELUDE =
      "FROM scratch\nCOPY busybox /bin/busybox\nRUN [\"/bin/busybox\", \"--install\", \"-s\", \"/bin\"]\n"
          + "RUN mkdir -p /data && i=0 && while [ $i -lt 300 ]; do echo file $i > /data/f$i; i=$((i+1)); done\n";

  @TempDir static Path context;
  @TempDir Path cache;

  @BeforeAll
  static void buildThePair() throws IOException {
    Engine.require();
    Files.copy(Engine.busybox(), context.resolve("busybox"));
    build(BASE, PRELUDE + "CMD [\"/bin/true\"]\n");
    build(HEAD, PRELUDE + "RUN head -c 20000 /dev/zero > /grow\nCMD [\"/bin/true\"]\n");
    build(OTHER_HEAD, PRELUDE + "RUN head -c 30000 /dev/zero > /grow\nCMD [\"/bin/true\"]\n");
  }

  private static void build(String tag, String dockerfile) throws IOException {
    Files.writeString(context.resolve("Dockerfile"), dockerfile);
    Engine.build(context, tag);
  }

  @AfterAll
  static void removeThePair() {
    Engine.removeImage(BASE);
    Engine.removeImage(HEAD);
    Engine.removeImage(OTHER_HEAD);
  }

  private MainTest.Result compare(String head, String... extra) {
    List<String> args =
        new ArrayList<>(List.of("compare", BASE, head, "--cache", cache.toString(), "--timings"));
    args.addAll(List.of(extra));
    MainTest.Result r = MainTest.run(args.toArray(String[]::new));
    assertThat(r.code()).as(r.err()).isZero();
    return r;
  }

  private static String counts(MainTest.Result r) {
    return r.err().lines().filter(l -> l.startsWith("sizebot: layers ")).findFirst().orElse("");
  }

  @Test
  void aSecondCompareReadsNoLayerAndPrintsTheSameReportToTheByte() {
    // The save of both holds four layer tars (busybox, its links, /data, /grow): base's three
    // are head's three lower ones, and the engine sends each once.
    MainTest.Result cold = compare(HEAD, "--format", "json");
    MainTest.Result warm = compare(HEAD, "--format", "json");
    MainTest.Result warmMarkdown = compare(HEAD);
    MainTest.Result fresh = MainTest.run("compare", BASE, HEAD, "--no-cache", "--timings");

    assertThat(counts(cold)).isEqualTo("sizebot: layers read 4 reused 0, images from the cache 0");
    assertThat(counts(warm)).isEqualTo("sizebot: layers read 0 reused 4, images from the cache 2");
    assertThat(warm.out()).isEqualTo(cold.out());
    assertThat(counts(warmMarkdown))
        .isEqualTo("sizebot: layers read 0 reused 4, images from the cache 2");
    assertThat(counts(fresh)).isEqualTo("sizebot: layers read 4 reused 0, images from the cache 0");
    assertThat(warmMarkdown.out()).isEqualTo(fresh.out());
    assertThat(warm.err()).doesNotContain("warning");
  }

  @Test
  void aHeadChangedByOneStepReadsThatOneLayerOnly() {
    compare(HEAD, "--format", "json");
    MainTest.Result changed = compare(OTHER_HEAD, "--format", "json");
    MainTest.Result uncached =
        MainTest.run("compare", BASE, OTHER_HEAD, "--format", "json", "--no-cache");

    assertThat(counts(changed))
        .isEqualTo("sizebot: layers read 1 reused 3, images from the cache 1");
    assertThat(changed.out()).isEqualTo(uncached.out());
  }

  @Test
  void inspectOfALayerSeenByCompareReadsNothing() {
    compare(HEAD, "--format", "json");
    MainTest.Result warm = MainTest.run("inspect", HEAD, "--cache", cache.toString(), "--timings");
    MainTest.Result uncached = MainTest.run("inspect", HEAD, "--no-cache");

    assertThat(counts(warm)).isEqualTo("sizebot: layers read 0 reused 4, images from the cache 1");
    assertThat(warm.out()).isEqualTo(uncached.out());
  }

  @Test
  void aHeadBuiltOnACachedBaseReadsOnlyItsNewLayer() {
    // In a save of the base, its top layer (/data) sits in a directory named by a v1 ID made with
    // the base's config; in a save of the head that layer is below the top and named otherwise.
    MainTest.Result base = MainTest.run("inspect", BASE, "--cache", cache.toString(), "--timings");
    MainTest.Result head = MainTest.run("inspect", HEAD, "--cache", cache.toString(), "--timings");
    MainTest.Result uncached = MainTest.run("inspect", HEAD, "--no-cache");

    assertThat(counts(base)).isEqualTo("sizebot: layers read 3 reused 0, images from the cache 0");
    assertThat(counts(head)).isEqualTo("sizebot: layers read 1 reused 3, images from the cache 0");
    assertThat(head.out()).isEqualTo(uncached.out());
    assertThat(head.err()).doesNotContain("warning");
  }
}
