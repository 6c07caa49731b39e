package dev.sizebot.image;

import dev.sizebot.common.SizebotException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What one streaming pass over an archive kept: small JSON documents, every layer's index, and the
 * archive's symlinks (Docker 25+ saves link legacy layer paths to blobs; older saves link layers
 * shared between images). Layer content is never kept.
 */
final class ArchiveContents implements ArchiveFiles {
  /** Linux's own limit on symlinks followed in one lookup (MAXSYMLINKS). */
  private static final int MAX_HOPS = 40;

  private final String name;
  final Map<String, byte[]> json = new HashMap<>();
  final Map<String, IndexedLayer> layers = new HashMap<>();
  final Map<String, String> links = new HashMap<>();
  final Set<String> oversizeJson = new HashSet<>();
  final Set<String> otherFiles = new HashSet<>();

  ArchiveContents(String name) {
    this.name = name;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String resolve(String path) {
    String current = path;
    Set<String> seen = new HashSet<>();
    while (links.containsKey(current)) {
      if (!seen.add(current) || seen.size() > MAX_HOPS) {
        throw SizebotException.invalidInput(
            name + ": symlink loop at '" + path + "': the archive is corrupt, save it again");
      }
      current = links.get(current);
    }
    return current;
  }

  @Override
  public Optional<byte[]> json(String path) {
    String real = resolve(path);
    if (oversizeJson.contains(real)) {
      throw SizebotException.invalidInput(
          name + ": '" + path + "' is larger than the JSON size limit: not a sane image archive");
    }
    return Optional.ofNullable(json.get(real));
  }

  @Override
  public Optional<IndexedLayer> layer(String path) {
    String real = resolve(path);
    IndexedLayer layer = layers.get(real);
    if (layer == null && (json.containsKey(real) || otherFiles.contains(real))) {
      throw SizebotException.invalidInput(
          name + ": layer '" + path + "' is not a tar, gzip or zstd stream");
    }
    return Optional.ofNullable(layer);
  }
}
