package dev.sizebot.cli;

import com.github.dockerjava.api.exception.NotFoundException;
import dev.sizebot.common.ImageRef;
import dev.sizebot.common.SizebotException;
import dev.sizebot.docker.DockerEngine;
import dev.sizebot.image.Image;
import dev.sizebot.image.ImageSelector;
import dev.sizebot.image.ImageSource;
import dev.sizebot.image.ReadLimits;
import java.io.InputStream;

/**
 * Reads an image from the local engine by streaming {@code docker save} straight into the reader
 * (never to disk). Stop-gap until the {@code docker} package's engine source lands; then this
 * delegates to it.
 */
final class EngineImages {
  private EngineImages() {}

  static Image read(ImageRef ref, ImageSelector selector) {
    String name = ref.canonical();
    try (DockerEngine engine = DockerEngine.connect()) {
      try {
        engine.client().inspectImageCmd(name).exec();
      } catch (NotFoundException e) {
        throw SizebotException.invalidInput(
            "the engine at " + engine.host() + " has no image " + name + ": build or pull it first",
            e);
      }
      InputStream save;
      try {
        save = engine.client().saveImageCmd(name).exec();
      } catch (RuntimeException e) {
        throw SizebotException.environment(
            "docker save " + name + " failed at " + engine.host() + ": " + e.getMessage(), e);
      }
      // 8 × 1 MiB read ahead: rides out the pauses of parsing; small beside the heap bound.
      InputStream ahead = new ReadAhead(save, 8, 1 << 20);
      return ImageSource.stream("docker save " + name, ahead, ReadLimits.DEFAULT)
          .read(ImageSelector.of(name, selector.platform()));
    }
  }
}
