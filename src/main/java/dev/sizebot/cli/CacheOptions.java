package dev.sizebot.cli;

import dev.sizebot.common.SizebotException;
import dev.sizebot.image.LayerCache;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * {@code --cache DIR} / {@code --no-cache} of the commands that read images: where layer analyses
 * are kept between runs. The environment is read here, never in the image reader.
 */
final class CacheOptions {
  @Option(
      names = "--cache",
      paramLabel = "DIR",
      description =
          "Keep layer analyses in DIR, so a layer seen before is not read again (default:"
              + " $RUNNER_TOOL_CACHE/sizebot in GitHub Actions, else $XDG_CACHE_HOME/sizebot or"
              + " ~/.cache/sizebot).")
  Optional<Path> directory = Optional.empty();

  @Option(names = "--no-cache", description = "Neither read nor write the layer cache.")
  boolean off;

  /** The cache for one run; warnings about its files go to {@code err}, one line each. */
  LayerCache open(PrintWriter err) {
    if (off && directory.isPresent()) {
      throw SizebotException.invalidInput(
          "--cache and --no-cache contradict each other: pass one of them");
    }
    if (off) {
      return LayerCache.inMemory();
    }
    Path dir = directory.orElseGet(() -> defaultDirectory(System.getenv(), userHome()));
    return LayerCache.lasting(
        new CacheDirectory(dir), warning -> err.println("sizebot: warning: " + warning));
  }

  /**
   * With {@code --timings}: how many layers were read in full and how many came from the cache, and
   * how many images the cache held whole, so the engine did not save them.
   */
  static void printCounts(LayerCache cache, PrintWriter err) {
    err.println(
        "sizebot: layers read "
            + cache.layersRead()
            + " reused "
            + cache.layersReused()
            + ", images from the cache "
            + cache.imagesReused());
  }

  /** Where the cache lives when no {@code --cache} is given. */
  static Path defaultDirectory(Map<String, String> env, Path home) {
    // The runner's tool cache survives in actions/cache; XDG is the desktop convention.
    for (String name : new String[] {"RUNNER_TOOL_CACHE", "XDG_CACHE_HOME"}) {
      String value = env.get(name);
      if (value != null && !value.isBlank()) {
        return Path.of(value, "sizebot");
      }
    }
    return home.resolve(".cache").resolve("sizebot");
  }

  private static Path userHome() {
    return Path.of(System.getProperty("user.home", "."));
  }
}
