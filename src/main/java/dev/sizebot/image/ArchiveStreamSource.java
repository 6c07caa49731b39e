package dev.sizebot.image;

import dev.sizebot.common.SizebotException;
import java.io.IOException;
import java.io.InputStream;

/** A one-shot archive stream, e.g. {@code docker save} from the engine: read once, never again. */
final class ArchiveStreamSource extends ResolvingSource {
  private final InputStream archive;
  private ArchiveContents contents;

  ArchiveStreamSource(String name, InputStream archive, ReadLimits limits, LayerCache cache) {
    super(name, limits, cache);
    this.archive = archive;
  }

  @Override
  synchronized ArchiveFiles files() {
    if (contents == null) {
      try (InputStream in = archive) {
        contents = new ArchiveScan(limits, cache).scan(in, name());
      } catch (IOException e) {
        throw SizebotException.invalidInput("cannot read " + name() + ": " + e.getMessage(), e);
      }
    }
    return contents;
  }

  @Override
  boolean keepsImages() {
    return true;
  }

  @Override
  public boolean reopenable() {
    return false;
  }

  @Override
  InputStream openBlob(String path) {
    throw SizebotException.invalidInput(
        name()
            + " was a one-shot stream, so layer '"
            + path
            + "' cannot be re-opened: save the image to a file and read that instead");
  }
}
