package dev.sizebot.image;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/** A directory store for the image package's tests (the cli's own is {@code CacheDirectory}). */
final class FileStore implements LayerStore {
  private final Path root;

  FileStore(Path root) {
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
    Path temp = Files.createTempFile(file.getParent(), "t", ".tmp");
    Files.write(temp, bytes);
    Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
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
