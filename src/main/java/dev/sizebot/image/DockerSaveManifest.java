package dev.sizebot.image;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sizebot.common.Digest;
import dev.sizebot.common.SizebotException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * docker save's {@code manifest.json}: one entry per image with {@code Config}, {@code RepoTags}
 * and {@code Layers} (moby image/tarexport). Docker 25+ points these at {@code blobs/sha256/…};
 * older engines at {@code <id>.json} and {@code <id>/layer.tar}.
 */
final class DockerSaveManifest {
  private record Entry(String config, List<String> tags, List<String> layers) {}

  private final ArchiveFiles files;
  private final List<Entry> entries = new ArrayList<>();

  DockerSaveManifest(ArchiveFiles files, JsonNode root) {
    this.files = files;
    String where = files.name() + ": manifest.json";
    if (!root.isArray() || root.isEmpty()) {
      throw SizebotException.invalidInput(where + " lists no images: not a docker save archive");
    }
    for (JsonNode e : root) {
      JsonNode config = e.path("Config");
      JsonNode layers = e.path("Layers");
      if (!config.isTextual() || !layers.isArray()) {
        throw SizebotException.invalidInput(
            where + " has an entry without Config or Layers: the archive is corrupt");
      }
      List<String> tags = new ArrayList<>();
      e.path("RepoTags").forEach(t -> tags.add(t.asText()));
      List<String> paths = new ArrayList<>();
      layers.forEach(l -> paths.add(EntryNames.archivePath(l.asText(), where)));
      entries.add(new Entry(EntryNames.archivePath(config.asText(), where), tags, paths));
    }
  }

  ImageAssembly.Assembled read(ImageSelector selector) {
    Entry entry = choose(selector);
    List<ImageAssembly.LayerRef> refs = new ArrayList<>();
    for (String path : entry.layers()) {
      refs.add(new ImageAssembly.LayerRef(path, Optional.empty(), Optional.empty()));
    }
    return ImageAssembly.assemble(files, entry.tags(), entry.config(), refs);
  }

  private Entry choose(ImageSelector selector) {
    if (selector.ref().isEmpty()) {
      if (entries.size() == 1) {
        return entries.get(0);
      }
      throw new SeveralImages(
          files.name(),
          files.name() + " holds " + entries.size() + " images (" + refList() + ")",
          ref(entries.get(0)));
    }
    String wanted = selector.ref().get();
    for (Entry e : entries) {
      if (e.tags().stream().anyMatch(t -> RefNames.matches(wanted, t))) {
        return e;
      }
    }
    for (Entry e : entries) {
      if (RefNames.matchesId(wanted, configDigest(e))) {
        return e;
      }
    }
    throw SizebotException.invalidInput(
        "image '" + wanted + "' is not in " + files.name() + " (it holds: " + refList() + ")");
  }

  private Digest configDigest(Entry e) {
    return files
        .json(e.config())
        .map(ImageAssembly::sha256)
        .orElseGet(() -> Digest.sha256("0".repeat(64)));
  }

  /** A ref that picks this entry: its first tag, else its image ID prefix. */
  private String ref(Entry e) {
    return e.tags().isEmpty() ? configDigest(e).shortHex() : e.tags().get(0);
  }

  private String refList() {
    List<String> names = new ArrayList<>();
    for (Entry e : entries) {
      if (e.tags().isEmpty()) {
        names.add(configDigest(e).shortHex() + " (untagged)");
      } else {
        names.addAll(e.tags());
      }
    }
    return String.join(", ", names);
  }
}
