package dev.sizebot.cli;

import dev.sizebot.common.ImageRef;
import dev.sizebot.docker.DockerEngine;
import dev.sizebot.docker.EngineImageSource;
import dev.sizebot.image.Image;
import dev.sizebot.image.ImageSelector;
import dev.sizebot.image.LayerCache;
import dev.sizebot.image.ReadLimits;
import java.util.Optional;

/** Reads one image from the local engine (docker save streamed, never written to disk). */
final class EngineImages {
  private EngineImages() {}

  /** {@code platform} defaults to the engine's own. */
  static Image read(ImageRef ref, Optional<String> platform, ReadLimits limits, LayerCache cache) {
    try (DockerEngine engine = DockerEngine.connect()) {
      String chosen = platform.orElseGet(() -> EngineImageSource.defaultPlatform(engine));
      return new EngineImageSource(engine, limits, cache)
          .read(ImageSelector.of(ref.toString(), chosen));
    }
  }
}
