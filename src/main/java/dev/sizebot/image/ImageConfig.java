package dev.sizebot.image;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** The runtime parts of an image config (OCI image spec, config.md {@code config} object). */
public record ImageConfig(
    String os,
    String architecture,
    Optional<String> variant,
    List<String> env,
    String user,
    String workingDir,
    List<String> entrypoint,
    List<String> cmd,
    List<String> exposedPorts,
    Optional<Healthcheck> healthcheck,
    Map<String, String> labels) {
  public ImageConfig {
    Objects.requireNonNull(os, "os");
    Objects.requireNonNull(architecture, "architecture");
    Objects.requireNonNull(variant, "variant");
    env = List.copyOf(env);
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(workingDir, "workingDir");
    entrypoint = List.copyOf(entrypoint);
    cmd = List.copyOf(cmd);
    exposedPorts = List.copyOf(exposedPorts);
    Objects.requireNonNull(healthcheck, "healthcheck");
    labels = Map.copyOf(labels);
  }

  /** {@code os/architecture[/variant]}, as {@code --platform} spells it. */
  public String platform() {
    return os + "/" + architecture + variant.map(v -> "/" + v).orElse("");
  }

  /** Docker's HEALTHCHECK as stored in the config ({@code Test} is e.g. {@code [CMD-SHELL, …]}). */
  public record Healthcheck(
      List<String> test,
      Optional<Duration> interval,
      Optional<Duration> timeout,
      Optional<Duration> startPeriod,
      int retries) {
    public Healthcheck {
      test = List.copyOf(test);
      Objects.requireNonNull(interval, "interval");
      Objects.requireNonNull(timeout, "timeout");
      Objects.requireNonNull(startPeriod, "startPeriod");
    }
  }
}
