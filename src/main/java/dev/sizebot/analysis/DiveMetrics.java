package dev.sizebot.analysis;

import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * dive's published metrics, computed by dive's own definitions (wagoodman/dive {@code
 * filetree/efficiency.go} and {@code image/image.go}) so users can compare numbers. They are not
 * sizebot's reclaimable bytes: dive counts every path seen in two or more layers, live or not, and
 * adds up each of its versions.
 *
 * @param efficiency {@code Σ min size per path / Σ cumulative size per path} over the leaf nodes of
 *     every layer tree, whiteouts sized by the directory tree they remove; 1.0 when empty
 * @param wastedBytes Σ cumulative size of paths seen in two or more layers (double counts)
 * @param userWastedRatio {@code wastedBytes / userSizeBytes}, a ratio as dive's CI rule {@code
 *     highestUserWastedPercent} compares it; empty when there are no user bytes
 * @param sizeBytes Σ tar header sizes of all layers (dive's layer size)
 * @param userSizeBytes {@code sizeBytes} minus the first layer's
 * @param inefficiencies the paths behind {@code wastedBytes}, largest cumulative size first
 */
public record DiveMetrics(
    double efficiency,
    long wastedBytes,
    OptionalDouble userWastedRatio,
    long sizeBytes,
    long userSizeBytes,
    List<DivePath> inefficiencies) {
  public DiveMetrics {
    Objects.requireNonNull(userWastedRatio, "userWastedRatio");
    inefficiencies = List.copyOf(inefficiencies);
  }
}
