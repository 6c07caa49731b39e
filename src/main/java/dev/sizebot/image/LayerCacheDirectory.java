package dev.sizebot.image;

import dev.sizebot.common.Digest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.zip.CRC32;

/**
 * The on-disk side of {@link LayerCache}: {@code layers/<hex>.v<version>} holds one layer's
 * analysis ({@link CacheEntry}), {@code members/<sha256 of name>.v<version>} the diffID an archive
 * member name stood for. Every file is written to a temporary name and renamed into place, so
 * parallel runs see a whole entry or none; whatever fails its checks is reported and ignored.
 */
final class LayerCacheDirectory {
  private static final String MEMBER_MAGIC = "sizebot-member";

  private final Path root;
  private final Consumer<String> warnings;
  private final String suffix = ".v" + LayerCache.ANALYSIS_VERSION;
  private final AtomicBoolean writeWarned = new AtomicBoolean();

  LayerCacheDirectory(Path root, Consumer<String> warnings) {
    this.root = root;
    this.warnings = warnings;
  }

  Path root() {
    return root;
  }

  Path layerFile(Digest diffId) {
    return root.resolve("layers").resolve(diffId.algorithm() + "-" + diffId.hex() + suffix);
  }

  Path memberFile(String member) {
    byte[] name = member.getBytes(StandardCharsets.UTF_8);
    return root.resolve("members").resolve(ImageAssembly.sha256(name).hex() + suffix);
  }

  Optional<IndexedLayer> layer(Digest diffId) {
    Path file = layerFile(diffId);
    Optional<byte[]> bytes = read(file);
    if (bytes.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(CacheEntry.decode(bytes.get(), diffId, LayerCache.ANALYSIS_VERSION));
    } catch (CacheEntry.Refused e) {
      ignoring(file, e.getMessage());
      return Optional.empty();
    }
  }

  Optional<Digest> member(String member) {
    Path file = memberFile(member);
    Optional<byte[]> bytes = read(file);
    if (bytes.isEmpty()) {
      return Optional.empty();
    }
    String text = new String(bytes.get(), StandardCharsets.UTF_8);
    String[] fields = text.split(" ", -1);
    if (fields.length != 5
        || !fields[0].equals(MEMBER_MAGIC)
        || !fields[1].equals(suffix.substring(1))
        || !fields[2].equals(member)
        || !text.endsWith("\n")
        || !fields[4].equals(crc(text.substring(0, text.lastIndexOf(' '))) + "\n")) {
      ignoring(file, "not a member record of this version, or its checksum does not match");
      return Optional.empty();
    }
    try {
      return Optional.of(Digest.parse(fields[3]));
    } catch (RuntimeException e) {
      ignoring(file, "no digest");
      return Optional.empty();
    }
  }

  void store(Digest diffId, IndexedLayer layer) {
    write(layerFile(diffId), CacheEntry.encode(diffId, LayerCache.ANALYSIS_VERSION, layer));
  }

  void storeMember(String member, Digest diffId) {
    String line = MEMBER_MAGIC + " " + suffix.substring(1) + " " + member + " " + diffId;
    write(memberFile(member), (line + " " + crc(line) + "\n").getBytes(StandardCharsets.UTF_8));
  }

  void forgetMember(String member) {
    try {
      Files.deleteIfExists(memberFile(member));
    } catch (IOException e) {
      // The run stops with its own message; a stale record is caught again next time.
    }
  }

  void sizeDiffers(Digest diffId, long storedBytes) {
    ignoring(layerFile(diffId), "the archive's layer is " + storedBytes + " bytes, not as cached");
  }

  private void ignoring(Path file, String why) {
    warnings.accept("ignoring layer cache file " + file + " (" + why + "); reading the layer");
  }

  private Optional<byte[]> read(Path file) {
    try {
      return Optional.of(Files.readAllBytes(file));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      ignoring(file, "cannot read it: " + e.getMessage());
      return Optional.empty();
    }
  }

  // Temporary name in the same directory, then rename: readers never see half a file.
  private void write(Path file, byte[] bytes) {
    Path temp = null;
    try {
      Files.createDirectories(file.getParent());
      temp = Files.createTempFile(file.getParent(), file.getFileName() + ".", ".tmp");
      Files.write(temp, bytes);
      try {
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      if (writeWarned.compareAndSet(false, true)) {
        warnings.accept(
            "cannot write the layer cache at " + root + " (" + e + "); this run is not cached");
      }
      if (temp != null) {
        try {
          Files.deleteIfExists(temp);
        } catch (IOException ignored) {
          // already reported once
        }
      }
    }
  }

  private static String crc(String text) {
    CRC32 crc = new CRC32();
    crc.update(text.getBytes(StandardCharsets.UTF_8));
    return HexFormat.of().toHexDigits((int) crc.getValue());
  }
}
