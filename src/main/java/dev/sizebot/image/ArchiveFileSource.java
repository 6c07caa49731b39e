package dev.sizebot.image;

import dev.sizebot.common.SizebotException;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** An archive file: scanned once in one pass; a layer re-opens by scanning to its member. */
final class ArchiveFileSource extends ResolvingSource {
  private final Path file;
  private ArchiveContents contents;

  ArchiveFileSource(Path file, ReadLimits limits, LayerCache cache) {
    super(file.toString(), limits, cache);
    this.file = file;
  }

  @Override
  synchronized ArchiveFiles files() {
    if (contents == null) {
      try (InputStream in = Files.newInputStream(file)) {
        contents = new ArchiveScan(limits, cache).scan(in, name());
      } catch (IOException e) {
        throw SizebotException.invalidInput("cannot read " + file + ": " + e.getMessage(), e);
      }
    }
    return contents;
  }

  @Override
  public boolean reopenable() {
    return true;
  }

  @Override
  InputStream openBlob(String path) throws IOException {
    InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
    try {
      TarReader tar = new TarReader(in);
      for (TarReader.Header h = tar.next(); h != null; h = tar.next()) {
        if (h.regularFile() && EntryNames.archivePath(h.name(), name()).equals(path)) {
          // The member's bytes only; closing it closes the file.
          return new FilterInputStream(tar.content()) {
            @Override
            public void close() throws IOException {
              in.close();
            }
          };
        }
      }
    } catch (IOException | RuntimeException e) {
      in.close();
      throw e;
    }
    in.close();
    throw new IOException("no member '" + path + "'");
  }
}
