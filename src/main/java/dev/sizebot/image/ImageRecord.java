package dev.sizebot.image;

import dev.sizebot.common.Digest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * What an engine image is besides its layers: the exact config blob (whose SHA-256 is the image ID,
 * so a record is checked against the ID it is filed under) and each layer's blob digest and media
 * type as the save stream gave them, and how its blob was stored (told by its bytes, so that the
 * analysis of that very form is the one reused). With this and every layer's analysis cached, an
 * image is rebuilt without saving it again ({@link LayerCache#image}).
 *
 * <p>Text, one field a line, a CRC-32 last: {@code sizebot-image v<version>}, {@code layer
 * <mediaType> <blob digest or -> <tar|gzip|zstd>} per layer, {@code config <base64>}, {@code crc
 * <hex>}.
 */
record ImageRecord(byte[] config, List<LayerRecord> layers) {
  private static final String MAGIC = "sizebot-image";

  /** One layer's descriptor as the archive named it, and the compression its blob had. */
  record LayerRecord(Optional<Digest> blobDigest, String mediaType, Compression compression) {}

  ImageRecord {
    config = config.clone();
    layers = List.copyOf(layers);
  }

  /** {@code stored} is each layer's compression, in the order of {@code layers}. */
  static ImageRecord of(byte[] config, List<Layer> layers, List<Compression> stored) {
    List<LayerRecord> records = new ArrayList<>();
    for (int i = 0; i < layers.size(); i++) {
      Layer l = layers.get(i);
      records.add(new LayerRecord(l.blobDigest(), l.mediaType(), stored.get(i)));
    }
    return new ImageRecord(config, records);
  }

  byte[] encode(int version) {
    StringBuilder text = new StringBuilder(MAGIC).append(" v").append(version).append('\n');
    for (LayerRecord l : layers) {
      text.append("layer ")
          .append(l.mediaType())
          .append(' ')
          .append(l.blobDigest().map(Digest::toString).orElse("-"))
          .append(' ')
          .append(l.compression().label())
          .append('\n');
    }
    text.append("config ").append(Base64.getEncoder().encodeToString(config)).append('\n');
    String crc = crc(text.toString());
    text.append("crc ").append(crc).append('\n');
    return text.toString().getBytes(StandardCharsets.UTF_8);
  }

  /**
   * The record filed under image {@code id}, if every check holds: magic, version, checksum, and
   * the config's SHA-256 equal to the ID.
   */
  static ImageRecord decode(byte[] bytes, Digest id, int version) throws CacheEntry.Refused {
    String text = new String(bytes, StandardCharsets.UTF_8);
    int crcAt = text.lastIndexOf("crc ");
    if (crcAt < 0 || !text.endsWith("\n") || !text.substring(crcAt).equals(crcLine(text, crcAt))) {
      throw new CacheEntry.Refused("not an image record, or its checksum does not match");
    }
    List<String> lines = List.of(text.substring(0, crcAt).split("\n"));
    if (lines.isEmpty() || !lines.get(0).equals(MAGIC + " v" + version)) {
      throw new CacheEntry.Refused("an image record of another version");
    }
    try {
      return fields(lines.subList(1, lines.size()), id);
    } catch (IllegalArgumentException e) {
      throw new CacheEntry.Refused(
          "an image record with a malformed digest, compression or config");
    }
  }

  private static ImageRecord fields(List<String> lines, Digest id) throws CacheEntry.Refused {
    List<LayerRecord> layers = new ArrayList<>();
    byte[] config = null;
    for (String line : lines) {
      String[] f = line.split(" ", -1);
      if (f[0].equals("layer") && f.length == 4) {
        layers.add(
            new LayerRecord(
                f[2].equals("-") ? Optional.empty() : Optional.of(Digest.parse(f[2])),
                f[1],
                Compression.ofLabel(f[3])));
      } else if (f[0].equals("config") && f.length == 2 && config == null) {
        config = Base64.getDecoder().decode(f[1]);
      } else {
        throw new CacheEntry.Refused("an image record with an unknown line");
      }
    }
    if (config == null || !ImageAssembly.sha256(config).equals(id)) {
      throw new CacheEntry.Refused("its config is not the one image " + id + " names");
    }
    return new ImageRecord(config, layers);
  }

  private static String crcLine(String text, int crcAt) {
    return "crc " + crc(text.substring(0, crcAt)) + "\n";
  }

  private static String crc(String text) {
    CRC32 crc = new CRC32();
    crc.update(text.getBytes(StandardCharsets.UTF_8));
    return HexFormat.of().toHexDigits((int) crc.getValue());
  }
}
