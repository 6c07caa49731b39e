package dev.sizebot.cli;

import com.github.dockerjava.api.command.SaveImagesCmd;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.sizebot.common.SizebotException;
import dev.sizebot.docker.DockerEngine;
import dev.sizebot.image.Image;
import dev.sizebot.image.ImageSelector;
import dev.sizebot.image.ImageSource;
import dev.sizebot.image.ReadLimits;
import java.io.InputStream;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads engine images through ONE {@code docker save} stream (the engine API's {@code GET
 * /images/get?names=…}), so layers the images share are transferred and indexed once; nothing is
 * written to disk.
 */
final class EngineSave {
  private EngineSave() {}

  static List<Image> read(DockerEngine engine, List<String> refs, String platform) {
    Set<String> distinct = new LinkedHashSet<>(refs);
    SaveImagesCmd save = engine.client().saveImagesCmd();
    for (String ref : distinct) {
      // docker-java joins name and tag with ':'; splitting at the last ':' after the last '/'
      // round-trips "repo:tag", "host:5000/repo:tag" and image IDs ("sha256:<hex>").
      int colon = ref.lastIndexOf(':');
      if (colon > ref.lastIndexOf('/')) {
        save.withImage(ref.substring(0, colon), ref.substring(colon + 1));
      } else {
        save.withImage(ref, "latest");
      }
    }
    InputStream stream;
    try {
      stream = save.exec();
    } catch (NotFoundException e) {
      throw SizebotException.invalidInput(
          "the engine does not have " + String.join(" or ", distinct) + ": build or load it first",
          e);
    } catch (RuntimeException e) { // DockerException, or the transport's I/O failure
      throw SizebotException.environment(
          "docker save of " + String.join(", ", distinct) + " failed: " + e.getMessage(), e);
    }
    ImageSource source =
        ImageSource.stream("docker save " + String.join(" ", distinct), stream, ReadLimits.DEFAULT);
    return source.read(refs.stream().map(r -> ImageSelector.of(r, platform)).toList());
  }
}
