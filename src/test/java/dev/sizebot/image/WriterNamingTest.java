package dev.sizebot.image;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sizebot.common.UnixPath;
import dev.sizebot.image.testing.EntryNaming;
import dev.sizebot.image.testing.TestArchive;
import dev.sizebot.image.testing.TestCompression;
import dev.sizebot.image.testing.TestImage;
import dev.sizebot.image.testing.TestLayer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Layers written by kaniko, buildah, ko, jib or crane spell entry names their own way (a root entry
 * {@code /}, {@code ./} or {@code .}; a leading {@code /} or {@code ./} on every name): each
 * spelling reads as the same entries, sizes and whiteouts, which the test derives straight from the
 * items it writes rather than from sizebot's reader.
 */
class WriterNamingTest {
  /**
   * One thing a test layer holds: {@code kind} is dir, file, symlink, hardlink, whiteout, opaque.
   */
  private record Item(String kind, String path, String data) {}

  private static final List<Item> BASE =
      List.of(
          new Item("dir", "/app", ""),
          new Item("file", "/app/server.jar", "jar".repeat(700)),
          new Item("hardlink", "/app/server-link.jar", "/app/server.jar"),
          new Item("symlink", "/app/current", "server.jar"),
          new Item("dir", "/app/cache", ""),
          new Item("file", "/app/cache/a.bin", "a".repeat(300)),
          new Item("file", "/old.log", "log\n".repeat(50)),
          new Item("file", "/empty", ""));

  private static final List<Item> TOP =
      List.of(
          new Item("whiteout", "/old.log", ""),
          new Item("whiteout", "/app/current", ""),
          new Item("dir", "/app", ""),
          new Item("opaque", "/app/cache", ""),
          new Item("dir", "/app/cache", ""),
          new Item("file", "/app/cache/b.bin", "b".repeat(120)),
          new Item("opaque", "", ""),
          new Item("file", "/top.txt", "top\n"));

  /** The entry fields a reference can state: path, type, size and link target. */
  private record Seen(String path, EntryType type, long size, String link) {}

  @ParameterizedTest
  @EnumSource(EntryNaming.class)
  void theBuilderSpellsEveryNameAsTheWriterDoes(EntryNaming naming) throws IOException {
    List<String> names = new ArrayList<>();
    List<String> links = new ArrayList<>();
    TarReader tar = new TarReader(new ByteArrayInputStream(layer("base", BASE, naming).tar()));
    for (TarReader.Header h = tar.next(); h != null; h = tar.next()) {
      names.add(h.name());
      if (h.type() == '1') {
        links.add(h.linkName());
      }
    }

    String expected =
        switch (naming) {
          case ENGINE -> "app/ app/server.jar app/server-link.jar app/current app/cache/";
          case ABSOLUTE -> "/ /app/ /app/server.jar /app/server-link.jar /app/current /app/cache/";
          case DOT_SLASH ->
              "./ ./app/ ./app/server.jar ./app/server-link.jar ./app/current ./app/cache/";
          case DOT -> ". ./app ./app/server.jar ./app/server-link.jar ./app/current ./app/cache";
          case ABSOLUTE_BARE -> "/app /app/server.jar /app/server-link.jar /app/current /app/cache";
        };
    assertThat(String.join(" ", names)).startsWith(expected + " ");
    assertThat(links).containsExactly(naming.spell("app/server.jar"));
  }

  static Stream<Arguments> namingsAndLayouts() {
    return Arrays.stream(EntryNaming.values())
        .flatMap(n -> Stream.of("legacy", "oci-save", "oci-layout").map(l -> Arguments.of(n, l)));
  }

  @ParameterizedTest(name = "{0} in {1}")
  @MethodSource("namingsAndLayouts")
  void everyWritersGzipLayersReadAsTheEntriesWritten(EntryNaming naming, String layout) {
    TestImage image =
        TestImage.tagged("writer:1")
            .layer(layer("ADD rootfs.tar /", BASE, naming))
            .layer(layer("RUN reset", TOP, naming));
    TestArchive archive =
        switch (layout) {
          case "legacy" -> TestArchive.dockerSaveLegacy(image);
          case "oci-save" -> TestArchive.dockerSaveOci(image);
          default -> TestArchive.ociLayout(image);
        };

    Image read = ImageSourceTest.read(archive.toBytes());

    assertThat(read.layers()).hasSize(2);
    assertLayer(read.layers().get(0).index(), BASE);
    assertLayer(read.layers().get(1).index(), TOP);
    assertThat(read.layers().get(1).index().opaqueDirs()).contains(UnixPath.ROOT);
    // jar 2100 (its hardlink shares the inode) + "server.jar" 10 + a.bin 300 + old.log 200.
    assertThat(read.layers().get(0).index().size()).isEqualTo(2610);
    assertThat(read.layers().get(0).index().compressedExact()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"./", "/"})
  void anArchiveWhoseMemberNamesStartWithADotSlashOrASlashReadsTheSame(String prefix) {
    TestImage image =
        TestImage.tagged("writer:1").layer(layer("ADD rootfs.tar /", BASE, EntryNaming.ABSOLUTE));
    for (TestArchive archive :
        List.of(TestArchive.dockerSaveLegacy(image), TestArchive.dockerSaveOci(image))) {
      List<TestArchive.Member> renamed = new ArrayList<>();
      renamed.add(new TestArchive.FileMember(prefix, new byte[0]));
      for (TestArchive.Member m : archive.members()) {
        renamed.add(
            m instanceof TestArchive.FileMember f
                ? new TestArchive.FileMember(prefix + f.path(), f.content())
                : new TestArchive.SymlinkMember(
                    prefix + m.path(), ((TestArchive.SymlinkMember) m).target()));
      }

      Image read = ImageSourceTest.read(TestArchive.tar(renamed));

      assertLayer(read.layers().get(0).index(), BASE);
      assertThat(read.tags()).containsExactly("writer:1");
    }
  }

  private static void assertLayer(LayerIndex index, List<Item> items) {
    List<Seen> expected = new ArrayList<>();
    List<UnixPath> whiteouts = new ArrayList<>();
    List<UnixPath> opaque = new ArrayList<>();
    long size = 0;
    for (Item item : items) {
      switch (item.kind()) {
        case "dir" -> expected.add(new Seen(item.path(), EntryType.DIRECTORY, 0, ""));
        case "file" -> {
          long bytes = item.data().length();
          size += bytes;
          expected.add(new Seen(item.path(), EntryType.FILE, bytes, ""));
        }
        case "symlink" -> {
          size += item.data().length();
          expected.add(new Seen(item.path(), EntryType.SYMLINK, 0, item.data()));
        }
        case "hardlink" -> expected.add(new Seen(item.path(), EntryType.HARDLINK, 0, item.data()));
        case "whiteout" -> whiteouts.add(UnixPath.of(item.path()));
        default -> opaque.add(UnixPath.of(item.path().isEmpty() ? "/" : item.path()));
      }
    }
    assertThat(index.entries())
        .extracting(e -> new Seen(e.path().value(), e.type(), e.size(), e.linkTarget().orElse("")))
        .containsExactlyElementsOf(expected);
    assertThat(index.whiteouts()).containsExactlyElementsOf(whiteouts);
    assertThat(index.opaqueDirs()).containsExactlyElementsOf(opaque);
    assertThat(index.size()).isEqualTo(size);
  }

  private static TestLayer layer(String step, List<Item> items, EntryNaming naming) {
    TestLayer layer = TestLayer.step(step).naming(naming).compression(TestCompression.GZIP);
    for (Item item : items) {
      switch (item.kind()) {
        case "dir" -> layer.dir(item.path());
        case "file" -> layer.file(item.path(), item.data().getBytes(StandardCharsets.US_ASCII));
        case "symlink" -> layer.symlink(item.path(), item.data());
        case "hardlink" -> layer.hardlink(item.path(), item.data());
        case "whiteout" -> layer.whiteout(item.path());
        default -> layer.opaque(item.path());
      }
    }
    return layer;
  }
}
