package dev.sizebot.rules;

import dev.sizebot.common.ByteSize;
import dev.sizebot.common.UnixPath;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Evidence a test dictates: bytes per (line, dir), per deletion pair, per final path. */
final class FakeEvidence implements Evidence {
  private final Map<String, Long> layers = new HashMap<>();
  private final Map<String, Long> deleted = new HashMap<>();
  private final Map<String, Long> finals = new HashMap<>();

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

  @Override
  public Optional<ByteSize> bytesUnder(int instructionLine, UnixPath dir) {
    return Optional.ofNullable(layers.get(instructionLine + ":" + dir.value())).map(ByteSize::of);
  }

  @Override
  public Optional<ByteSize> deletedLater(int createdAtLine, int deletedAtLine) {
    return Optional.ofNullable(deleted.get(createdAtLine + ":" + deletedAtLine)).map(ByteSize::of);
  }

  @Override
  public Optional<ByteSize> finalBytesUnder(UnixPath path) {
    return Optional.ofNullable(finals.get(path.value())).map(ByteSize::of);
  }
}
