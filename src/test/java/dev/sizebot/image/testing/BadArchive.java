package dev.sizebot.image.testing;

import dev.sizebot.image.ReadLimits;
import dev.sizebot.image.testing.TestArchive.FileMember;
import dev.sizebot.image.testing.TestArchive.SymlinkMember;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * One broken or hostile archive of each class the image package refuses (BadInputTest checks each
 * message), so the CLI can prove every class ends as one line and exit 2 as well.
 *
 * @param limits the read limits that make the case fail (lowered for the caps, so tests stay small)
 */
public record BadArchive(String name, byte[] bytes, ReadLimits limits) {
  @Override
  public String toString() {
    return name;
  }

  private static BadArchive of(String name, byte[] bytes) {
    return new BadArchive(name, bytes, ReadLimits.DEFAULT);
  }

  /** Every class, in BadInputTest's order. */
  public static List<BadArchive> all() {
    return List.of(
        of("truncated tar", truncated(Integer.MAX_VALUE)),
        of("cut before the manifest", truncated(1024)),
        of("corrupt gzip layer", corrupt(TestCompression.GZIP)),
        of("corrupt zstd layer", corrupt(TestCompression.ZSTD)),
        new BadArchive("decompression bomb", bomb(), ReadLimits.DEFAULT.withMaxExpansion(100, 0)),
        new BadArchive(
            "layer past the size cap", plain(), ReadLimits.DEFAULT.withMaxLayerBytes(100_000)),
        new BadArchive("flood of entries", flood(50), ReadLimits.DEFAULT.withMaxEntries(40)),
        of("'..' in a layer entry", layerEntry("../etc/passwd")),
        of("absolute layer entry climbing out", layerEntry("/../etc/passwd")),
        of("NUL in a layer entry", nulEntry()),
        of(
            "'..' in an archive member",
            member(new FileMember("../manifest.json", new byte[] {'['}))),
        of("malformed manifest", replaced("manifest.json", "[{\"Config\": ")),
        of("manifest without layers", replaced("manifest.json", "[{\"Config\":\"x.json\"}]")),
        of("malformed index", ociReplaced("index.json", "{\"manifests\": 7}")),
        of("neither manifest nor index", member(new FileMember("hello.txt", new byte[] {'h'}))),
        of("NUL in an archive member", member(new FileMember("manif\0est.json", new byte[] {'['}))),
        of("missing layer", missingLayer()),
        of("missing config blob", missingConfig()),
        of("symlink loop", symlinkLoop()),
        of("symlink out of the archive", member(new SymlinkMember("manifest.json", "../../x"))));
  }

  private static TestImage image(TestLayer layer) {
    return TestImage.tagged("bad:1").layer(layer);
  }

  private static TestLayer text(TestCompression compression) {
    byte[] text = "line of some text 0123456789\n".repeat(20_000).getBytes(StandardCharsets.UTF_8);
    return TestLayer.step("RUN x").file("/big.txt", text).compression(compression);
  }

  private static byte[] plain() {
    return TestArchive.dockerSaveLegacy(image(text(TestCompression.NONE))).toBytes();
  }

  private static byte[] truncated(int length) {
    byte[] archive = plain();
    return Arrays.copyOf(archive, Math.min(length, archive.length / 2));
  }

  private static byte[] corrupt(TestCompression compression) {
    TestLayer layer = text(compression);
    TestArchive archive = TestArchive.ociLayout(image(layer));
    return archive.corrupt(TestArchive.blobPath(layer)).toBytes();
  }

  private static byte[] bomb() {
    TestLayer layer =
        TestLayer.step("RUN bomb")
            .file("/zeros", new byte[8 << 20])
            .compression(TestCompression.ZSTD);
    return TestArchive.ociLayout(image(layer)).toBytes();
  }

  private static byte[] flood(int files) {
    TestLayer layer = TestLayer.step("RUN touch");
    for (int i = 0; i < files; i++) {
      layer.file("/f" + i, "");
    }
    return TestArchive.ociLayout(image(layer)).toBytes();
  }

  private static byte[] layerEntry(String name) {
    return TestArchive.ociLayout(image(TestLayer.step("RUN x").rawFile(name, new byte[] {1})))
        .toBytes();
  }

  private static byte[] nulEntry() {
    TestLayer layer = TestLayer.step("RUN x").rawPaxFile("etc/pass\0wd", new byte[] {1});
    return TestArchive.ociLayout(image(layer)).toBytes();
  }

  private static byte[] member(TestArchive.Member member) {
    return TestArchive.tar(List.of(member));
  }

  private static byte[] replaced(String path, String json) {
    return TestArchive.dockerSaveLegacy(image(text(TestCompression.NONE)))
        .with(new FileMember(path, json.getBytes(StandardCharsets.UTF_8)))
        .toBytes();
  }

  private static byte[] ociReplaced(String path, String json) {
    return TestArchive.ociLayout(image(text(TestCompression.GZIP)))
        .with(new FileMember(path, json.getBytes(StandardCharsets.UTF_8)))
        .toBytes();
  }

  private static byte[] missingLayer() {
    TestLayer layer = text(TestCompression.GZIP);
    return TestArchive.dockerSaveOci(image(layer)).without(TestArchive.blobPath(layer)).toBytes();
  }

  private static byte[] missingConfig() {
    TestImage image = image(text(TestCompression.GZIP));
    String hex = TestArchive.imageId(image).substring("sha256:".length());
    return TestArchive.ociLayout(image).without("blobs/sha256/" + hex).toBytes();
  }

  private static byte[] symlinkLoop() {
    TestArchive archive = TestArchive.dockerSaveOci(image(text(TestCompression.NONE)));
    String manifest = new String(archive.content("manifest.json"), StandardCharsets.UTF_8);
    String looped = manifest.replaceAll("blobs/sha256/[0-9a-f]{64}\"\\]", "a/layer.tar\"]");
    return archive
        .with(new FileMember("manifest.json", looped.getBytes(StandardCharsets.UTF_8)))
        .with(new SymlinkMember("a/layer.tar", "../b/layer.tar"))
        .with(new SymlinkMember("b/layer.tar", "../a/layer.tar"))
        .toBytes();
  }
}
