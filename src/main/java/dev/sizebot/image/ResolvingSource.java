package dev.sizebot.image;

import dev.sizebot.common.Digest;
import dev.sizebot.common.SizebotException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What every source shares: resolve images from archive members, remember where layers live. */
abstract class ResolvingSource implements ImageSource {
  private final String name;
  final ReadLimits limits;
  final LayerCache cache;
  private final Map<Digest, String> layerPaths = new HashMap<>();

  ResolvingSource(String name, ReadLimits limits, LayerCache cache) {
    this.name = name;
    this.limits = limits;
    this.cache = cache;
  }

  /** The archive members, after whatever pass the source needs. */
  abstract ArchiveFiles files();

  /**
   * True when images read here are kept in the cache as a whole ({@link LayerCache#image}): only
   * for the engine's save stream, whose images can be found again by ID without saving them.
   */
  boolean keepsImages() {
    return false;
  }

  /** Opens the stored blob at an archive path (compressed as stored). */
  abstract InputStream openBlob(String path) throws IOException;

  @Override
  public String name() {
    return name;
  }

  @Override
  public List<Image> read(List<ImageSelector> selectors) {
    List<Image> images = new ArrayList<>();
    for (ImageAssembly.Assembled a : ImageResolver.resolve(files(), selectors)) {
      List<Compression> stored = new ArrayList<>();
      for (int i = 0; i < a.layerPaths().size(); i++) {
        Digest diffId = a.image().layers().get(i).diffId();
        String path = a.layerPaths().get(i);
        layerPaths.put(diffId, path);
        IndexedLayer indexed = files().layer(path).orElseThrow();
        stored.add(indexed.compression());
        cache.learn(path, diffId, indexed);
        // A legacy save writes a layer shared by two images once, under whichever image the
        // engine saved first (its order varies), and links the other name to it: learn both.
        String named = a.namedPaths().get(i);
        if (!named.equals(path)) {
          cache.learnName(named, diffId);
        }
      }
      if (keepsImages()) {
        cache.learnImage(a.image().configDigest(), a.config(), a.image().layers(), stored);
      }
      images.add(a.image());
    }
    return images;
  }

  @Override
  public InputStream openLayer(Layer layer) {
    String path = layerPaths.get(layer.diffId());
    if (path == null) {
      throw new IllegalArgumentException("layer " + layer.diffId() + " was not read from " + name);
    }
    try {
      return LayerStream.uncompressed(openBlob(path));
    } catch (IOException e) {
      throw SizebotException.invalidInput(
          name + ": cannot re-open layer '" + path + "': " + e.getMessage(), e);
    }
  }
}
