package dev.sizebot.rules;

import dev.sizebot.common.UnixPath;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Evidence a test dictates: bytes per (line, dir), per deletion pair, per final path, and the dead
 * files of a line's layer. Dictated bytes are one piece each, keyed by the line (as the layer) and
 * the directory, so findings sized from the same (line, dir) share their bytes.
 */
final class FakeEvidence implements Evidence {
  private final Map<String, Long> layers = new HashMap<>();
  private final Map<String, Long> deleted = new HashMap<>();
  private final Map<String, Long> finals = new HashMap<>();
  private final Map<Integer, List<DeadFile>> dead = new HashMap<>();

  FakeEvidence layer(int line, String dir, long bytes) {
    layers.put(line + ":" + dir, bytes);
    return this;
  }

  FakeEvidence deleted(int createdAt, int deletedAt, long bytes) {
    deleted.put(createdAt + ":" + deletedAt, bytes);
    return this;
  }

  FakeEvidence present(String path, long bytes) {
    finals.put(path, bytes);
    return this;
  }

  /** A file the layer of {@code line} ships that the layer of {@code removedAt} made dead. */
  FakeEvidence dead(int line, DeadFile file) {
    dead.computeIfAbsent(line, k -> new ArrayList<>()).add(file);
    dead.get(line).sort((a, b) -> Long.compare(b.bytes(), a.bytes()));
    return this;
  }

  @Override
  public Optional<ShippedBytes> bytesUnder(int instructionLine, UnixPath dir) {
    return Optional.ofNullable(layers.get(instructionLine + ":" + dir.value()))
        .map(b -> ShippedBytes.of(instructionLine, dir, b));
  }

  @Override
  public Optional<ShippedBytes> deletedLater(int createdAtLine, int deletedAtLine) {
    return Optional.ofNullable(deleted.get(createdAtLine + ":" + deletedAtLine))
        .map(b -> ShippedBytes.of(createdAtLine, UnixPath.of("/deleted-" + deletedAtLine), b));
  }

  @Override
  public Optional<ShippedBytes> finalBytesUnder(UnixPath path) {
    return Optional.ofNullable(finals.get(path.value())).map(b -> ShippedBytes.of(0, path, b));
  }

  @Override
  public List<DeadFile> deadFilesOf(int instructionLine) {
    return dead.getOrDefault(instructionLine, List.of());
  }
}
