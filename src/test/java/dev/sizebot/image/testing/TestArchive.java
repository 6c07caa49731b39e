package dev.sizebot.image.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * Writes {@link TestImage}s as the archives sizebot reads, byte-for-byte reproducibly (members
 * sorted by path, fixed mtimes):
 *
 * <ul>
 *   <li>{@link #dockerSaveLegacy}: docker save before Docker 25 — {@code <id>/layer.tar}, {@code
 *       <config>.json}, {@code manifest.json}, {@code repositories}; a layer repeated under a
 *       different parent chain is a symlink to its first copy, as moby writes it;
 *   <li>{@link #dockerSaveOci}: docker save of Docker 25+ — {@code blobs/sha256/…}, {@code
 *       index.json}, {@code manifest.json} pointing at blobs, {@code oci-layout}, and legacy {@code
 *       <id>/layer.tar} symlinks to the blobs;
 *   <li>{@link #ociLayout}: an OCI image layout; images sharing a tag on different platforms go
 *       behind a nested index. Write it as a tar ({@link #toBytes}) or a directory ({@link
 *       #writeDirectory}).
 * </ul>
 *
 * Tests that need a broken archive edit {@link #members()} ({@link #with}, {@link #without}).
 */
public final class TestArchive {
  /** An archive member: a regular file or a symlink. */
  public sealed interface Member permits FileMember, SymlinkMember {
    String path();
  }

  public record FileMember(String path, byte[] content) implements Member {}

  public record SymlinkMember(String path, String target) implements Member {}

  private final TreeMap<String, Member> members = new TreeMap<>();

  private TestArchive() {}

  public static TestArchive dockerSaveLegacy(TestImage... images) {
    TestArchive archive = new TestArchive();
    List<Object> manifest = new ArrayList<>();
    Map<String, Map<String, String>> repositories = new LinkedHashMap<>();
    Map<String, String> firstCopy = new HashMap<>();
    for (TestImage image : images) {
      BuiltImage built = new BuiltImage(image);
      List<String> layerPaths = new ArrayList<>();
      String parent = "";
      for (BuiltImage.BuiltLayer layer : built.layers) {
        String id =
            BuiltImage.sha256((parent + " " + layer.diffIdHex()).getBytes(StandardCharsets.UTF_8));
        String path = id + "/layer.tar";
        String first = firstCopy.putIfAbsent(layer.diffIdHex(), path);
        if (first == null || first.equals(path)) {
          archive.file(path, layer.blob());
        } else {
          archive.members.put(path, new SymlinkMember(path, "../" + first));
        }
        archive.file(id + "/VERSION", "1.0".getBytes(StandardCharsets.UTF_8));
        archive.file(id + "/json", legacyJson(id, parent));
        layerPaths.add(path);
        parent = id;
      }
      archive.file(built.configHex + ".json", built.config);
      manifest.add(saveEntry(built.configHex + ".json", image, layerPaths));
      addRepository(repositories, image, parent);
    }
    archive.file("manifest.json", BuiltImage.json(manifest));
    archive.file("repositories", BuiltImage.json(repositories));
    return archive;
  }

  public static TestArchive dockerSaveOci(TestImage... images) {
    TestArchive archive = new TestArchive();
    List<Object> manifest = new ArrayList<>();
    List<Object> index = new ArrayList<>();
    Map<String, Map<String, String>> repositories = new LinkedHashMap<>();
    for (TestImage image : images) {
      BuiltImage built = archive.blobs(image);
      List<String> layerPaths = new ArrayList<>();
      String parent = "";
      for (BuiltImage.BuiltLayer layer : built.layers) {
        String id =
            BuiltImage.sha256((parent + " " + layer.diffIdHex()).getBytes(StandardCharsets.UTF_8));
        archive.members.put(
            id + "/layer.tar",
            new SymlinkMember(id + "/layer.tar", "../blobs/sha256/" + layer.blobHex()));
        layerPaths.add("blobs/sha256/" + layer.blobHex());
        parent = id;
      }
      manifest.add(saveEntry("blobs/sha256/" + built.configHex, image, layerPaths));
      Map<String, Object> d =
          BuiltImage.descriptor(BuiltImage.MANIFEST_TYPE, built.manifestHex, built.manifest.length);
      if (!image.tag().isEmpty()) {
        d.put("annotations", names(image.tag()));
      }
      index.add(d);
      addRepository(repositories, image, parent);
    }
    archive.file("index.json", BuiltImage.json(index(index)));
    archive.file("manifest.json", BuiltImage.json(manifest));
    archive.file("oci-layout", ociLayoutFile());
    archive.file("repositories", BuiltImage.json(repositories));
    return archive;
  }

  public static TestArchive ociLayout(TestImage... images) {
    TestArchive archive = new TestArchive();
    Map<String, List<BuiltImage>> byTag = new LinkedHashMap<>();
    List<Object> index = new ArrayList<>();
    for (TestImage image : images) {
      BuiltImage built = archive.blobs(image);
      if (image.tag().isEmpty()) {
        index.add(platformDescriptor(built));
      } else {
        byTag.computeIfAbsent(image.tag(), t -> new ArrayList<>()).add(built);
      }
    }
    for (Map.Entry<String, List<BuiltImage>> tag : byTag.entrySet()) {
      Map<String, Object> d;
      if (tag.getValue().size() == 1) {
        d = platformDescriptor(tag.getValue().get(0));
      } else {
        List<Object> platforms = new ArrayList<>();
        tag.getValue().forEach(b -> platforms.add(platformDescriptor(b)));
        byte[] nested = BuiltImage.json(index(platforms));
        String hex = BuiltImage.sha256(nested);
        archive.file("blobs/sha256/" + hex, nested);
        d = BuiltImage.descriptor(BuiltImage.INDEX_TYPE, hex, nested.length);
      }
      d.put("annotations", names(tag.getKey()));
      index.add(d);
    }
    archive.file("index.json", BuiltImage.json(index(index)));
    archive.file("oci-layout", ociLayoutFile());
    return archive;
  }

  /** The members, sorted by path (a live view: edit through {@link #with}/{@link #without}). */
  public List<Member> members() {
    return List.copyOf(members.values());
  }

  /** Adds or replaces a member. */
  public TestArchive with(Member member) {
    members.put(member.path(), member);
    return this;
  }

  /** Flips 64 bytes a third of the way into a file member (a corrupt compressed blob). */
  public TestArchive corrupt(String path) {
    byte[] blob = content(path).clone();
    for (int i = blob.length / 3; i < blob.length / 3 + 64; i++) {
      blob[i] ^= 0x5A;
    }
    return with(new FileMember(path, blob));
  }

  /** Removes a member (e.g. a layer, to test a manifest naming a missing layer). */
  public TestArchive without(String path) {
    members.remove(path);
    return this;
  }

  /** The content of a file member (e.g. {@code manifest.json}), to derive a broken variant. */
  public byte[] content(String path) {
    return ((FileMember) members.get(path)).content();
  }

  /** The archive as a tar. */
  public byte[] toBytes() {
    return tar(members());
  }

  public Path writeTar(Path file) {
    try {
      Files.write(file, toBytes());
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The members as a directory tree (symlinks as symlinks). */
  public Path writeDirectory(Path dir) {
    try {
      for (Member m : members.values()) {
        Path target = dir.resolve(m.path());
        Files.createDirectories(target.getParent());
        if (m instanceof FileMember f) {
          Files.write(target, f.content());
        } else if (m instanceof SymlinkMember s) {
          Files.createSymbolicLink(target, Path.of(s.target()));
        }
      }
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Any members as a tar, in the given order (for hand-made broken archives); a file path with a
   * NUL travels in a PAX record.
   */
  public static byte[] tar(List<Member> members) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes, "UTF-8")) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
      for (Member m : members) {
        TarArchiveEntry e;
        if (m instanceof SymlinkMember s) {
          e = new TarArchiveEntry(m.path(), TarConstants.LF_SYMLINK, true);
          e.setLinkName(s.target());
          e.setMode(0777);
        } else if (m.path().indexOf('\0') >= 0) {
          // Only a PAX path record can carry a NUL (a ustar name field ends at one).
          TestLayer.writePaxPath(tar, m.path());
          e = new TarArchiveEntry("pax-named", TarConstants.LF_NORMAL, true);
          e.setSize(((FileMember) m).content().length);
          e.setMode(0644);
        } else {
          e = new TarArchiveEntry(m.path(), TarConstants.LF_NORMAL, true);
          e.setSize(((FileMember) m).content().length);
          e.setMode(0644);
        }
        e.setModTime(TestLayer.MTIME_SECONDS * 1000);
        tar.putArchiveEntry(e);
        if (m instanceof FileMember f) {
          tar.write(f.content());
        }
        tar.closeArchiveEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /** {@code sha256:<hex>} of the layer's uncompressed tar (its diffID). */
  public static String diffId(TestLayer layer) {
    return "sha256:" + BuiltImage.sha256(layer.tar());
  }

  /** Where an OCI archive stores this layer's blob: {@code blobs/sha256/<hex of the blob>}. */
  public static String blobPath(TestLayer layer) {
    return "blobs/sha256/" + BuiltImage.sha256(layer.compression().compress(layer.tar()));
  }

  /** {@code sha256:<hex>} of the image's config blob (its image ID). */
  public static String imageId(TestImage image) {
    return "sha256:" + new BuiltImage(image).configHex;
  }

  private BuiltImage blobs(TestImage image) {
    BuiltImage built = new BuiltImage(image);
    for (BuiltImage.BuiltLayer layer : built.layers) {
      file("blobs/sha256/" + layer.blobHex(), layer.blob());
    }
    file("blobs/sha256/" + built.configHex, built.config);
    file("blobs/sha256/" + built.manifestHex, built.manifest);
    return built;
  }

  private void file(String path, byte[] content) {
    members.put(path, new FileMember(path, content));
  }

  private static Map<String, Object> platformDescriptor(BuiltImage built) {
    Map<String, Object> d =
        BuiltImage.descriptor(BuiltImage.MANIFEST_TYPE, built.manifestHex, built.manifest.length);
    d.put("platform", built.platform());
    return d;
  }

  private static Map<String, Object> index(List<Object> manifests) {
    Map<String, Object> index = new LinkedHashMap<>();
    index.put("schemaVersion", 2);
    index.put("mediaType", BuiltImage.INDEX_TYPE);
    index.put("manifests", manifests);
    return index;
  }

  private static Map<String, String> names(String tag) {
    Map<String, String> names = new LinkedHashMap<>();
    String full = tag.contains("/") ? tag : "docker.io/library/" + tag;
    names.put("io.containerd.image.name", full);
    names.put("org.opencontainers.image.ref.name", tag.substring(tag.lastIndexOf(':') + 1));
    return names;
  }

  private static Map<String, Object> saveEntry(
      String config, TestImage image, List<String> layers) {
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("Config", config);
    e.put("RepoTags", image.tag().isEmpty() ? null : List.of(image.tag()));
    e.put("Layers", layers);
    return e;
  }

  private static void addRepository(
      Map<String, Map<String, String>> repositories, TestImage image, String topId) {
    if (image.tag().isEmpty()) {
      return;
    }
    int colon = image.tag().lastIndexOf(':');
    repositories
        .computeIfAbsent(image.tag().substring(0, colon), r -> new LinkedHashMap<>())
        .put(image.tag().substring(colon + 1), topId);
  }

  private static byte[] legacyJson(String id, String parent) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", id);
    if (!parent.isEmpty()) {
      json.put("parent", parent);
    }
    json.put("created", BuiltImage.CREATED);
    return BuiltImage.json(json);
  }

  private static byte[] ociLayoutFile() {
    return "{\"imageLayoutVersion\":\"1.0.0\"}".getBytes(StandardCharsets.UTF_8);
  }
}
