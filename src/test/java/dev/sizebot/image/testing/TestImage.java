package dev.sizebot.image.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A test image: a tag, a platform, config fields, and history steps — each either a {@link
 * TestLayer} or an empty step (ENV, LABEL, …). Write it with {@link TestArchive}.
 *
 * <pre>{@code
 * TestImage image = TestImage.tagged("app:1")
 *     .layer(TestLayer.step("COPY busybox /bin/").file("/bin/busybox", bytes, 0755))
 *     .emptyStep("ENV PATH=/bin")
 *     .env("PATH=/bin")
 *     .cmd("/bin/sh");
 * }</pre>
 */
public final class TestImage {
  /** A history step: a layer, or an empty step (layer == null). */
  record Step(String createdBy, TestLayer layer) {}

  private final String tag;
  private String os = "linux";
  private String architecture = "amd64";
  private String variant = "";
  private final List<Step> steps = new ArrayList<>();
  final List<String> env = new ArrayList<>();
  String user = "";
  String workdir = "";
  final List<String> entrypoint = new ArrayList<>();
  final List<String> cmd = new ArrayList<>();
  final List<String> exposedPorts = new ArrayList<>();
  final Map<String, String> labels = new LinkedHashMap<>();
  List<String> healthcheckTest = List.of();
  long healthcheckIntervalNanos;
  int healthcheckRetries;

  private TestImage(String tag) {
    this.tag = Objects.requireNonNull(tag);
  }

  /** An image named {@code tag} (e.g. {@code app:1}); {@code ""} for an untagged image. */
  public static TestImage tagged(String tag) {
    return new TestImage(tag);
  }

  /** {@code os/arch[/variant]}; {@code linux/amd64} by default. */
  public TestImage platform(String platform) {
    String[] p = platform.split("/");
    os = p[0];
    architecture = p[1];
    variant = p.length > 2 ? p[2] : "";
    return this;
  }

  public TestImage layer(TestLayer layer) {
    steps.add(new Step(layer.createdBy(), layer));
    return this;
  }

  /** A history entry with {@code empty_layer: true}. */
  public TestImage emptyStep(String createdBy) {
    steps.add(new Step(createdBy, null));
    return this;
  }

  public TestImage env(String... entries) {
    env.addAll(List.of(entries));
    return this;
  }

  public TestImage user(String user) {
    this.user = user;
    return this;
  }

  public TestImage workdir(String workdir) {
    this.workdir = workdir;
    return this;
  }

  public TestImage entrypoint(String... args) {
    entrypoint.addAll(List.of(args));
    return this;
  }

  public TestImage cmd(String... args) {
    cmd.addAll(List.of(args));
    return this;
  }

  /** e.g. {@code 8080/tcp}. */
  public TestImage expose(String port) {
    exposedPorts.add(port);
    return this;
  }

  public TestImage label(String key, String value) {
    labels.put(key, value);
    return this;
  }

  /** A HEALTHCHECK: {@code test} as stored (e.g. {@code CMD-SHELL, wget -q …}). */
  public TestImage healthcheck(List<String> test, long intervalNanos, int retries) {
    this.healthcheckTest = List.copyOf(test);
    this.healthcheckIntervalNanos = intervalNanos;
    this.healthcheckRetries = retries;
    return this;
  }

  public String tag() {
    return tag;
  }

  public String os() {
    return os;
  }

  public String architecture() {
    return architecture;
  }

  public String variant() {
    return variant;
  }

  /** {@code os/arch[/variant]}. */
  public String platformString() {
    return os + "/" + architecture + (variant.isEmpty() ? "" : "/" + variant);
  }

  List<Step> steps() {
    return steps;
  }

  /** The layers, base first. */
  public List<TestLayer> layers() {
    return steps.stream().filter(s -> s.layer() != null).map(Step::layer).toList();
  }
}
