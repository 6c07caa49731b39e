package dev.sizebot.diff;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether the base image (the {@code FROM}) itself changed between base and head, told apart from
 * the build's own steps. Known only when both sides' Dockerfiles are (see {@link BuildSteps}).
 *
 * @param known false when the base-image steps could not be recognised; then every number here is 0
 *     and nothing is claimed
 * @param drifted true when the base-image layer digests differ
 * @param baseSize bytes of the base side's base-image layers
 * @param headSize bytes of the head side's base-image layers
 */
public record BaseImageDrift(
    boolean known,
    boolean drifted,
    long baseSize,
    long headSize,
    long baseCompressed,
    long headCompressed) {
  public static final BaseImageDrift UNKNOWN = new BaseImageDrift(false, false, 0, 0, 0, 0);

  public long delta() {
    return headSize - baseSize;
  }

  public long compressedDelta() {
    return headCompressed - baseCompressed;
  }

  /** Compares the base-image steps of both sides; unknown unless both split their steps. */
  public static BaseImageDrift of(List<Step> base, List<Step> head, boolean bothKnown) {
    if (!bothKnown) {
      return UNKNOWN;
    }
    List<Step> b = base.stream().filter(Step::fromBaseImage).toList();
    List<Step> h = head.stream().filter(Step::fromBaseImage).toList();
    List<Optional<?>> bDigests =
        b.stream().<Optional<?>>map(Step::diffId).filter(Optional::isPresent).toList();
    List<Optional<?>> hDigests =
        h.stream().<Optional<?>>map(Step::diffId).filter(Optional::isPresent).toList();
    return new BaseImageDrift(
        true,
        !Objects.equals(bDigests, hDigests),
        b.stream().mapToLong(Step::size).sum(),
        h.stream().mapToLong(Step::size).sum(),
        b.stream().mapToLong(Step::compressedSize).sum(),
        h.stream().mapToLong(Step::compressedSize).sum());
  }
}
