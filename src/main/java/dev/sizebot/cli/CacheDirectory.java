package dev.sizebot.cli;

import dev.sizebot.image.LayerStore;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * The layer cache's directory ({@code --cache DIR}). Each blob is written to a temporary file
 * beside its name and renamed over it, so parallel runs sharing the directory never read half a
 * blob (rename is atomic within one POSIX filesystem). Public so that the image package's tests
 * keep their caches in the same store the command line uses.
 */
public final class CacheDirectory implements LayerStore {
  private final Path root;

  public CacheDirectory(Path root) {
    this.root = root;
  }

  @Override
  public Optional<byte[]> read(String name) throws IOException {
    try {
      return Optional.of(Files.readAllBytes(root.resolve(name)));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
  }

  @Override
  public void write(String name, byte[] bytes) throws IOException {
    Path file = root.resolve(name);
    Files.createDirectories(file.getParent());
    Path temp = Files.createTempFile(file.getParent(), file.getFileName() + ".", ".tmp");
    try {
      Files.write(temp, bytes);
      try {
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  @Override
  public void delete(String name) throws IOException {
    Files.deleteIfExists(root.resolve(name));
  }

  @Override
  public String where(String name) {
    return root.resolve(name).toString();
  }
}
