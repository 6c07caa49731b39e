package dev.sizebot.docker;

import com.github.dockerjava.api.command.SaveImagesCmd;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.sizebot.common.SizebotException;
import dev.sizebot.image.Image;
import dev.sizebot.image.ImageSelector;
import dev.sizebot.image.ImageSource;
import dev.sizebot.image.Layer;
import dev.sizebot.image.LayerCache;
import dev.sizebot.image.ReadLimits;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Images from the local engine: {@code docker save} streamed through docker-java straight into the
 * image reader — never to disk. Several refs are saved in one stream, so layers they share are read
 * once. Each {@link #read} saves again; layers cannot be re-opened afterwards.
 */
public final class EngineImageSource implements ImageSource {
  private static final Pattern IMAGE_ID = Pattern.compile("(sha256:)?[0-9a-f]{12,64}");

  private final DockerEngine engine;
  private final ReadLimits limits;
  private final LayerCache cache;

  public EngineImageSource(DockerEngine engine, ReadLimits limits) {
    this(engine, limits, LayerCache.inMemory());
  }

  /** Layers {@code cache} knows are skipped in the save stream, the others added to it. */
  public EngineImageSource(DockerEngine engine, ReadLimits limits, LayerCache cache) {
    this.engine = engine;
    this.limits = limits;
    this.cache = cache;
  }

  @Override
  public String name() {
    return "the local engine (" + engine.host() + ")";
  }

  /** Every selector must name a ref; an image the engine lacks is invalid input (exit 2). */
  @Override
  public List<Image> read(List<ImageSelector> selectors) {
    SaveImagesCmd save = engine.client().saveImagesCmd();
    List<String> refs = new ArrayList<>();
    for (ImageSelector selector : selectors) {
      String ref =
          selector
              .ref()
              .orElseThrow(() -> new IllegalArgumentException("engine reads need an image ref"));
      String id = requirePresent(ref);
      // docker-java joins name and tag with ':'; an image ID travels as "sha256" + ":" + hex.
      if (IMAGE_ID.matcher(ref).matches()) {
        save.withImage("sha256", id.substring(id.indexOf(':') + 1));
      } else {
        int colon = ref.lastIndexOf(':');
        boolean tagged = colon > ref.lastIndexOf('/');
        save.withImage(
            tagged ? ref.substring(0, colon) : ref, tagged ? ref.substring(colon + 1) : "latest");
      }
      refs.add(ref);
    }
    String name = "docker save " + String.join(" ", refs);
    InputStream stream;
    try {
      // 8 × 1 MiB read ahead: the engine keeps writing while sizebot parses (bench/inspect).
      stream = new ReadAhead(save.exec(), 8, 1 << 20);
    } catch (RuntimeException e) {
      throw SizebotException.environment(
          "the engine at " + engine.host() + " failed to save " + refs + ": " + e.getMessage(), e);
    }
    return ImageSource.stream(name, stream, limits, cache).read(selectors);
  }

  @Override
  public boolean reopenable() {
    return false;
  }

  @Override
  public InputStream openLayer(Layer layer) {
    throw SizebotException.invalidInput(
        "layers read from the engine's save stream cannot be re-opened: save the image to a file"
            + " (docker save -o app.tar IMAGE) and read that instead");
  }

  /** Returns the image ID; an absent image is one clear line, exit 2. */
  private String requirePresent(String ref) {
    try {
      return engine.client().inspectImageCmd(ref).exec().getId();
    } catch (NotFoundException e) {
      throw SizebotException.invalidInput(
          "image '" + ref + "' is not in the local engine: build or pull it first", e);
    }
  }

  /**
   * The engine's own platform as {@code os/arch[/variant]} (docker info {@code OSType} and {@code
   * Architecture}, the latter mapped from uname spelling to the OCI/GOARCH names images use).
   */
  public static String defaultPlatform(DockerEngine engine) {
    var info = engine.client().infoCmd().exec();
    String os = info.getOsType() == null ? "linux" : info.getOsType();
    return os + "/" + goArch(info.getArchitecture() == null ? "" : info.getArchitecture());
  }

  static String goArch(String uname) {
    return switch (uname.toLowerCase(Locale.ROOT)) {
      case "x86_64", "amd64" -> "amd64";
      case "aarch64", "arm64" -> "arm64";
      case "armv7l", "armhf" -> "arm/v7";
      case "armv6l" -> "arm/v6";
      case "i386", "i686" -> "386";
      default -> uname;
    };
  }
}
