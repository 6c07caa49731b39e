package dev.sizebot.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sizebot.common.Digest;
import dev.sizebot.common.SizebotException;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Turns a chosen manifest (config path + layer paths) into an {@link Image}. */
final class ImageAssembly {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** What to do about a member the manifest or index names but the archive lacks. */
  private static final String INCOMPLETE = ": the archive is incomplete, save the image again";

  /** A layer as a manifest names it. */
  record LayerRef(String path, Optional<Digest> blobDigest, Optional<String> mediaType) {}

  /**
   * What was assembled, plus where each layer lives (for re-opening its stream) and the name the
   * manifest gave it (a link to {@code layerPaths} when another image of the archive holds it).
   */
  record Assembled(Image image, byte[] config, List<String> layerPaths, List<String> namedPaths) {}

  private ImageAssembly() {}

  static JsonNode parseJson(ArchiveFiles files, String path, String what) {
    byte[] bytes =
        files
            .json(path)
            .orElseThrow(
                () ->
                    SizebotException.invalidInput(
                        files.name()
                            + ": "
                            + what
                            + " '"
                            + path
                            + "' is missing from the archive"
                            + INCOMPLETE));
    return parseJson(bytes, files.name() + ": " + what + " '" + path + "'");
  }

  static JsonNode parseJson(byte[] bytes, String where) {
    try {
      return JSON.readTree(bytes);
    } catch (IOException e) {
      throw SizebotException.invalidInput(where + " is not valid JSON: " + firstLine(e), e);
    }
  }

  static Digest sha256(byte[] bytes) {
    try {
      return Digest.sha256(
          HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JRE has SHA-256", e);
    }
  }

  static Assembled assemble(
      ArchiveFiles files, List<String> tags, String configPath, List<LayerRef> refs) {
    byte[] configBytes =
        files
            .json(configPath)
            .orElseThrow(
                () ->
                    SizebotException.invalidInput(
                        files.name()
                            + ": config '"
                            + configPath
                            + "' is missing from the archive"
                            + INCOMPLETE));
    String where = files.name() + ": config '" + configPath + "'";
    ConfigJson config = ConfigJson.parse(parseJson(configBytes, where), where);
    if (config.diffIds().size() != refs.size()) {
      throw SizebotException.invalidInput(
          where
              + " lists "
              + config.diffIds().size()
              + " layers but the manifest names "
              + refs.size()
              + ": the archive is corrupt");
    }
    List<HistoryEntry> made = config.layerHistory();
    List<Layer> layers = new ArrayList<>();
    List<String> paths = new ArrayList<>();
    for (int i = 0; i < refs.size(); i++) {
      LayerRef ref = refs.get(i);
      IndexedLayer indexed =
          files
              .layer(ref.path())
              .orElseThrow(
                  () ->
                      SizebotException.invalidInput(
                          files.name()
                              + ": the manifest names layer '"
                              + ref.path()
                              + "' but the archive does not contain it"
                              + INCOMPLETE));
      String real = files.resolve(ref.path());
      Optional<Digest> blob = ref.blobDigest().or(() -> blobDigestOf(real));
      String mediaType = ref.mediaType().orElse(mediaType(indexed.compression(), blob.isEmpty()));
      layers.add(
          new Layer(i, config.diffIds().get(i), blob, mediaType, made.get(i), indexed.index()));
      paths.add(real);
    }
    Image image = new Image(tags, sha256(configBytes), config.config(), config.history(), layers);
    return new Assembled(image, configBytes, paths, refs.stream().map(LayerRef::path).toList());
  }

  /**
   * Rebuilds an image from its cached record and its layers' cached analyses, exactly as {@link
   * #assemble} built it from the archive; empty when a layer is not known, the record does not fit
   * the config, or the layers hold more entries than {@code limits} allow (a save then reads it and
   * says so).
   */
  static Optional<Image> fromRecord(
      List<String> tags,
      ImageRecord record,
      Function<LayerCache.Form, Optional<IndexedLayer>> known,
      ReadLimits limits) {
    Digest id = sha256(record.config());
    String where = "the layer cache's record of image " + id;
    ConfigJson config = ConfigJson.parse(parseJson(record.config(), where), where);
    if (config.diffIds().size() != record.layers().size()) {
      return Optional.empty();
    }
    List<HistoryEntry> made = config.layerHistory();
    List<Layer> layers = new ArrayList<>();
    long entries = 0;
    for (int i = 0; i < record.layers().size(); i++) {
      Digest diffId = config.diffIds().get(i);
      ImageRecord.LayerRecord l = record.layers().get(i);
      Optional<IndexedLayer> indexed = known.apply(new LayerCache.Form(diffId, l.compression()));
      if (indexed.isEmpty()) {
        return Optional.empty();
      }
      entries += indexed.get().index().entries().size();
      layers.add(
          new Layer(i, diffId, l.blobDigest(), l.mediaType(), made.get(i), indexed.get().index()));
    }
    if (entries > limits.maxEntries()) {
      return Optional.empty();
    }
    return Optional.of(new Image(tags, id, config.config(), config.history(), layers));
  }

  /** {@code blobs/sha256/<hex>} names its own digest (OCI image-layout.md). */
  static Optional<Digest> blobDigestOf(String path) {
    String[] parts = path.split("/");
    if (parts.length == 3 && parts[0].equals("blobs")) {
      try {
        return Optional.of(new Digest(parts[1], parts[2]));
      } catch (IllegalArgumentException e) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  static String blobPath(Digest digest) {
    return "blobs/" + digest.algorithm() + "/" + digest.hex();
  }

  private static String mediaType(Compression compression, boolean legacy) {
    if (legacy) {
      return "application/vnd.docker.image.rootfs.diff.tar";
    }
    return switch (compression) {
      case NONE -> "application/vnd.oci.image.layer.v1.tar";
      case GZIP -> "application/vnd.oci.image.layer.v1.tar+gzip";
      case ZSTD -> "application/vnd.oci.image.layer.v1.tar+zstd";
    };
  }

  private static String firstLine(Exception e) {
    String m = String.valueOf(e.getMessage());
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }
}
