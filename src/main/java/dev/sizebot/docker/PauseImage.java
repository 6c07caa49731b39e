package dev.sizebot.docker;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * A one-file image holding {@link PauseProgram}, as a {@code docker load} archive (the docker-save
 * layout: {@code manifest.json}, the config, one layer tar). It is written here rather than built,
 * because a build would need a Dockerfile context on the engine's side and BuildKit, and loaded
 * rather than pulled, because no registry may be reachable.
 *
 * @param id the image ID the engine gives it: the digest of its config
 * @param archive the bytes to send to {@code POST /images/load}
 */
record PauseImage(String id, byte[] archive) {
  static final String PATH = "pause";

  PauseImage {
    archive = archive.clone();
  }

  @Override
  public byte[] archive() {
    return archive.clone();
  }

  /** The image for {@code program}, labelled with {@code labels} so the run's cleanup finds it. */
  static PauseImage of(PauseProgram.Program program, Map<String, String> labels) {
    byte[] layer = tar(Map.of(PATH, program.executable()), 0755);
    String diffId = "sha256:" + sha256(layer);
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("architecture", program.ociArchitecture());
    config.put("os", "linux");
    config.put("config", Map.of("Entrypoint", List.of("/" + PATH), "Labels", labels));
    config.put("rootfs", Map.of("type", "layers", "diff_ids", List.of(diffId)));
    config.put(
        "history", List.of(Map.of("created_by", "sizebot: holds the startup runs' network")));
    byte[] configJson = json(config);
    String configDigest = sha256(configJson);
    String layerPath = sha256(layer) + "/layer.tar";
    byte[] manifest =
        json(List.of(Map.of("Config", configDigest + ".json", "Layers", List.of(layerPath))));
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put(configDigest + ".json", configJson);
    files.put(layerPath, layer);
    files.put("manifest.json", manifest);
    return new PauseImage("sha256:" + configDigest, tar(files, 0644));
  }

  private static byte[] tar(Map<String, byte[]> files, int mode) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
      for (Map.Entry<String, byte[]> file : files.entrySet()) {
        TarArchiveEntry entry = new TarArchiveEntry(file.getKey());
        entry.setSize(file.getValue().length);
        entry.setMode(mode);
        entry.setModTime(0);
        tar.putArchiveEntry(entry);
        tar.write(file.getValue());
        tar.closeArchiveEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e); // in memory: cannot happen
    }
    return bytes.toByteArray();
  }

  private static byte[] json(Object value) {
    try {
      return new ObjectMapper().writeValueAsString(value).getBytes(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // maps and lists of strings: cannot happen
    }
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
