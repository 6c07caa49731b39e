package dev.sizebot.docker;

import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.command.SaveImagesCmd;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.sizebot.common.Digest;
import dev.sizebot.common.SizebotException;
import dev.sizebot.image.Image;
import dev.sizebot.image.ImageSelector;
import dev.sizebot.image.ImageSource;
import dev.sizebot.image.Layer;
import dev.sizebot.image.LayerCache;
import dev.sizebot.image.ReadLimits;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Images from the local engine: {@code docker save} streamed through docker-java straight into the
 * image reader — never to disk. Several refs are saved in one stream, so layers they share are read
 * once. Each {@link #read} saves again, except images the layer cache knows whole by their ID
 * (config and every layer): those are not saved at all. Layers cannot be re-opened afterwards.
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

  /**
   * Every selector must name a ref; an image the engine lacks is invalid input (exit 2). An image
   * whose config and layers the cache knows by its ID is rebuilt from the cache instead of saved.
   */
  @Override
  public List<Image> read(List<ImageSelector> selectors) {
    List<InspectImageResponse> found = selectors.stream().map(s -> requirePresent(ref(s))).toList();
    Image[] images = new Image[selectors.size()];
    List<Integer> unknown = new ArrayList<>();
    for (int i = 0; i < selectors.size(); i++) {
      Digest id = Digest.parse(found.get(i).getId());
      Optional<Image> known = cache.image(id, savedTags(id, selectors, found), limits);
      if (known.isPresent()) {
        images[i] = known.get();
      } else {
        unknown.add(i);
      }
    }
    if (!unknown.isEmpty()) {
      List<Image> saved =
          save(
              unknown.stream().map(selectors::get).toList(),
              unknown.stream().map(found::get).toList());
      for (int j = 0; j < unknown.size(); j++) {
        images[unknown.get(j)] = saved.get(j);
      }
    }
    return List.of(images);
  }

  // A save of several refs of one image writes one manifest entry naming each of them.
  private static List<String> savedTags(
      Digest id, List<ImageSelector> selectors, List<InspectImageResponse> found) {
    Set<String> tags = new LinkedHashSet<>();
    for (int i = 0; i < selectors.size(); i++) {
      InspectImageResponse info = found.get(i);
      if (Digest.parse(info.getId()).equals(id)) {
        List<String> repoTags = info.getRepoTags() == null ? List.of() : info.getRepoTags();
        tags.addAll(selectors.get(i).savedTags(repoTags));
      }
    }
    return List.copyOf(tags);
  }

  private List<Image> save(List<ImageSelector> selectors, List<InspectImageResponse> found) {
    // A known layer in a directory named anew (the base's top layer under its child) is skipped
    // too.
    found.stream()
        .map(InspectImageResponse::getRootFS)
        .filter(rootFs -> rootFs != null && rootFs.getLayers() != null)
        .forEach(
            rootFs -> cache.expectLayers(rootFs.getLayers().stream().map(Digest::parse).toList()));
    SaveImagesCmd save = engine.client().saveImagesCmd();
    List<String> refs = new ArrayList<>();
    for (int i = 0; i < selectors.size(); i++) {
      String ref = ref(selectors.get(i));
      String id = found.get(i).getId();
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

  private static String ref(ImageSelector selector) {
    return selector
        .ref()
        .orElseThrow(() -> new IllegalArgumentException("engine reads need an image ref"));
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

  /** The engine's inspection of the image; an absent image is one clear line, exit 2. */
  private InspectImageResponse requirePresent(String ref) {
    try {
      return engine.client().inspectImageCmd(ref).exec();
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
