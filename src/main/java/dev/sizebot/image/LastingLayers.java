package dev.sizebot.image;

import dev.sizebot.common.Digest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.zip.CRC32;

/**
 * The lasting side of {@link LayerCache}, in a {@link LayerStore}: {@code layers/<hex>.v<version>}
 * holds one layer's analysis ({@link CacheEntry}), {@code members/<sha256 of name>.v<version>} the
 * diffID an archive member name stood for, {@code images/<hex>.v<version>} an engine image's config
 * and layer descriptors ({@link ImageRecord}). The store replaces blobs whole, so parallel runs see
 * a whole entry or none; whatever fails its checks is reported and ignored.
 */
final class LastingLayers {
  private static final String MEMBER_MAGIC = "sizebot-member";

  private final LayerStore store;
  private final Consumer<String> warnings;
  private final String suffix = ".v" + LayerCache.ANALYSIS_VERSION;
  // A directory that cannot be read or written at all is said once a run, not once a file.
  private final AtomicBoolean readWarned = new AtomicBoolean();
  private final AtomicBoolean writeWarned = new AtomicBoolean();

  LastingLayers(LayerStore store, Consumer<String> warnings) {
    this.store = store;
    this.warnings = warnings;
  }

  String root() {
    return store.where("");
  }

  // A plain tar's entry keeps the name it had before forms were told apart.
  String layerFile(LayerCache.Form form) {
    Digest diffId = form.diffId();
    String compressed =
        form.compression() == Compression.NONE ? "" : "-" + form.compression().label();
    return "layers/" + diffId.algorithm() + "-" + diffId.hex() + compressed + suffix;
  }

  String memberFile(String member) {
    byte[] name = member.getBytes(StandardCharsets.UTF_8);
    return "members/" + ImageAssembly.sha256(name).hex() + suffix;
  }

  Optional<IndexedLayer> layer(LayerCache.Form form) {
    return decoded(
        layerFile(form),
        bytes -> {
          IndexedLayer layer = CacheEntry.decode(bytes, form.diffId(), LayerCache.ANALYSIS_VERSION);
          if (layer.compression() != form.compression()) {
            throw new CacheEntry.Refused(
                "it holds the layer's " + layer.compression().label() + " form");
          }
          return layer;
        },
        "reading the layer");
  }

  String imageFile(Digest id) {
    return "images/" + id.algorithm() + "-" + id.hex() + suffix;
  }

  Optional<ImageRecord> image(Digest id) {
    return decoded(
        imageFile(id),
        bytes -> ImageRecord.decode(bytes, id, LayerCache.ANALYSIS_VERSION),
        "saving the image from the engine");
  }

  /** What a cache file's bytes decode to, or {@link CacheEntry.Refused} saying why not. */
  private interface Decoder<T> {
    T decode(byte[] bytes) throws CacheEntry.Refused;
  }

  // A file that is absent is a miss; one that fails its checks is a miss with a warning.
  private <T> Optional<T> decoded(String file, Decoder<T> decoder, String instead) {
    Optional<byte[]> bytes = read(file);
    if (bytes.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(decoder.decode(bytes.get()));
    } catch (CacheEntry.Refused e) {
      ignoring(file, e.getMessage(), instead);
      return Optional.empty();
    }
  }

  void storeImage(Digest id, ImageRecord record) {
    write(imageFile(id), record.encode(LayerCache.ANALYSIS_VERSION));
  }

  Optional<Digest> member(String member) {
    String file = memberFile(member);
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

  void store(LayerCache.Form form, IndexedLayer layer) {
    write(layerFile(form), CacheEntry.encode(form.diffId(), LayerCache.ANALYSIS_VERSION, layer));
  }

  void storeMember(String member, Digest diffId) {
    String line = MEMBER_MAGIC + " " + suffix.substring(1) + " " + member + " " + diffId;
    write(memberFile(member), (line + " " + crc(line) + "\n").getBytes(StandardCharsets.UTF_8));
  }

  void forgetMember(String member) {
    try {
      store.delete(memberFile(member));
    } catch (IOException e) {
      // The run stops with its own message; a stale record is caught again next time.
    }
  }

  private void ignoring(String file, String why) {
    ignoring(file, why, "reading the layer");
  }

  private void ignoring(String file, String why, String instead) {
    warnings.accept(
        "ignoring layer cache file " + store.where(file) + " (" + why + "); " + instead);
  }

  private Optional<byte[]> read(String file) {
    try {
      return store.read(file);
    } catch (IOException e) {
      if (readWarned.compareAndSet(false, true)) {
        warnings.accept(
            "cannot read the layer cache at " + root() + " (" + e + "); reading the layers");
      }
      return Optional.empty();
    }
  }

  private void write(String file, byte[] bytes) {
    try {
      store.write(file, bytes);
    } catch (IOException e) {
      if (writeWarned.compareAndSet(false, true)) {
        warnings.accept(
            "cannot write the layer cache at " + root() + " (" + e + "); this run is not cached");
      }
    }
  }

  private static String crc(String text) {
    CRC32 crc = new CRC32();
    crc.update(text.getBytes(StandardCharsets.UTF_8));
    return HexFormat.of().toHexDigits((int) crc.getValue());
  }
}
