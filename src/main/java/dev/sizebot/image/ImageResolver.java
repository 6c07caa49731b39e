package dev.sizebot.image;

import dev.sizebot.common.SizebotException;
import java.util.ArrayList;
import java.util.List;

/** Picks images out of archive members, whichever layout wrote them. */
final class ImageResolver {
  private ImageResolver() {}

  static List<ImageAssembly.Assembled> resolve(ArchiveFiles files, List<ImageSelector> selectors) {
    List<ImageAssembly.Assembled> out = new ArrayList<>();
    // docker save (both layouts) writes manifest.json with the repo tags; prefer it. A plain OCI
    // layout has only index.json.
    if (files.json("manifest.json").isPresent()) {
      DockerSaveManifest manifest =
          new DockerSaveManifest(
              files, ImageAssembly.parseJson(files, "manifest.json", "manifest"));
      selectors.forEach(s -> out.add(manifest.read(s)));
    } else if (files.json("index.json").isPresent()) {
      OciIndex index = new OciIndex(files, ImageAssembly.parseJson(files, "index.json", "index"));
      selectors.forEach(s -> out.add(index.read(s)));
    } else {
      throw SizebotException.invalidInput(
          files.name()
              + " is not an image archive: it has neither manifest.json (docker save) nor"
              + " index.json (OCI layout)");
    }
    return out;
  }
}
