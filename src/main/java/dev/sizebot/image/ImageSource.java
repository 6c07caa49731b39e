package dev.sizebot.image;

import dev.sizebot.common.SizebotException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Where images come from: a docker-save archive (legacy or Docker 25+ OCI layout), an OCI image
 * layout directory or its tar, or a one-shot stream (the engine's {@code docker save}). Nothing
 * downstream knows which.
 *
 * <p>Typical use: {@code ImageSource.open(path, ReadLimits.DEFAULT).read(ImageSelector.only(
 * "linux/amd64"))}.
 */
public interface ImageSource {
  /** The source as the user named it (a path, or the refs of an engine save), for messages. */
  String name();

  /**
   * Reads the selected images in one pass over the source; layers shared between them are read
   * once. Fails with one clear line (invalid input) when a selector matches nothing or several.
   */
  List<Image> read(List<ImageSelector> selectors);

  default Image read(ImageSelector selector) {
    return read(List.of(selector)).get(0);
  }

  /** True when {@link #openLayer} works (files and directories; not one-shot streams). */
  boolean reopenable();

  /**
   * Opens a layer of an image this source has read, as its uncompressed tar stream (the caller
   * closes it). Throws {@link SizebotException} when the source is a one-shot stream.
   */
  InputStream openLayer(Layer layer);

  /** An archive file (docker save or OCI layout tar) or an OCI layout directory. */
  static ImageSource open(Path path, ReadLimits limits) {
    return open(path, limits, LayerCache.inMemory());
  }

  /** As {@link #open(Path, ReadLimits)}, reusing and filling {@code cache}. */
  static ImageSource open(Path path, ReadLimits limits, LayerCache cache) {
    if (Files.isDirectory(path)) {
      return new LayoutDirectorySource(path, limits, cache);
    }
    if (!Files.isRegularFile(path)) {
      throw SizebotException.invalidInput(
          path + " is neither an image archive nor an OCI layout directory: check the path");
    }
    return new ArchiveFileSource(path, limits, cache);
  }

  /**
   * A one-shot archive stream (e.g. {@code docker save} output); {@link #read} consumes and closes
   * it, so it can be read once and its layers cannot be re-opened.
   */
  static ImageSource stream(String name, InputStream archive, ReadLimits limits) {
    return stream(name, archive, limits, LayerCache.inMemory());
  }

  /** As {@link #stream(String, InputStream, ReadLimits)}, reusing and filling {@code cache}. */
  static ImageSource stream(String name, InputStream archive, ReadLimits limits, LayerCache cache) {
    return new ArchiveStreamSource(name, archive, limits, cache);
  }
}
