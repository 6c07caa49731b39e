package dev.sizebot.image.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A {@link TestImage} turned into blobs: layer tars and blobs, config, OCI manifest. */
final class BuiltImage {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String CREATED = "2024-01-01T00:00:00Z";
  static final String MANIFEST_TYPE = "application/vnd.oci.image.manifest.v1+json";
  static final String INDEX_TYPE = "application/vnd.oci.image.index.v1+json";
  static final String CONFIG_TYPE = "application/vnd.oci.image.config.v1+json";

  /** One layer: its tar's digest (diffID) and its stored blob. */
  record BuiltLayer(String diffIdHex, byte[] blob, String blobHex, String mediaType) {}

  final TestImage image;
  final List<BuiltLayer> layers = new ArrayList<>();
  final byte[] config;
  final String configHex;
  final byte[] manifest;
  final String manifestHex;

  BuiltImage(TestImage image) {
    this.image = image;
    for (TestLayer layer : image.layers()) {
      byte[] tar = layer.tar();
      byte[] blob = layer.compression().compress(tar);
      layers.add(new BuiltLayer(sha256(tar), blob, sha256(blob), layer.declaredMediaType()));
    }
    config = json(config());
    configHex = sha256(config);
    manifest = json(manifest());
    manifestHex = sha256(manifest);
  }

  private Map<String, Object> config() {
    Map<String, Object> c = new LinkedHashMap<>();
    putIfAny(c, "Env", image.env);
    putIfAny(c, "Entrypoint", image.entrypoint);
    putIfAny(c, "Cmd", image.cmd);
    if (!image.user.isEmpty()) {
      c.put("User", image.user);
    }
    if (!image.workdir.isEmpty()) {
      c.put("WorkingDir", image.workdir);
    }
    if (!image.exposedPorts.isEmpty()) {
      Map<String, Object> ports = new LinkedHashMap<>();
      image.exposedPorts.forEach(p -> ports.put(p, Map.of()));
      c.put("ExposedPorts", ports);
    }
    if (!image.labels.isEmpty()) {
      c.put("Labels", image.labels);
    }
    if (!image.healthcheckTest.isEmpty()) {
      Map<String, Object> h = new LinkedHashMap<>();
      h.put("Test", image.healthcheckTest);
      h.put("Interval", image.healthcheckIntervalNanos);
      h.put("Retries", image.healthcheckRetries);
      c.put("Healthcheck", h);
    }
    List<Map<String, Object>> history = new ArrayList<>();
    for (TestImage.Step step : image.steps()) {
      Map<String, Object> h = new LinkedHashMap<>();
      h.put("created", CREATED);
      h.put("created_by", step.createdBy());
      if (step.layer() == null) {
        h.put("empty_layer", true);
      }
      history.add(h);
    }
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("architecture", image.architecture());
    root.put("config", c);
    root.put("created", CREATED);
    root.put("history", history);
    root.put("os", image.os());
    Map<String, Object> rootfs = new LinkedHashMap<>();
    rootfs.put("type", "layers");
    rootfs.put("diff_ids", layers.stream().map(l -> "sha256:" + l.diffIdHex()).toList());
    root.put("rootfs", rootfs);
    if (!image.variant().isEmpty()) {
      root.put("variant", image.variant());
    }
    return root;
  }

  private Map<String, Object> manifest() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("schemaVersion", 2);
    m.put("mediaType", MANIFEST_TYPE);
    m.put("config", descriptor(CONFIG_TYPE, configHex, config.length));
    List<Object> ls = new ArrayList<>();
    for (BuiltLayer l : layers) {
      ls.add(descriptor(l.mediaType(), l.blobHex(), l.blob().length));
    }
    m.put("layers", ls);
    return m;
  }

  Map<String, Object> platform() {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("architecture", image.architecture());
    p.put("os", image.os());
    if (!image.variant().isEmpty()) {
      p.put("variant", image.variant());
    }
    return p;
  }

  static Map<String, Object> descriptor(String mediaType, String hex, long size) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("mediaType", mediaType);
    d.put("digest", "sha256:" + hex);
    d.put("size", size);
    return d;
  }

  private static void putIfAny(Map<String, Object> map, String key, List<String> values) {
    if (!values.isEmpty()) {
      map.put(key, values);
    }
  }

  static byte[] json(Object value) {
    try {
      return JSON.writeValueAsString(value).getBytes(StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
