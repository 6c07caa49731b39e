package dev.sizebot.dockerfile;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code ADD [--chown] [--chmod] [--link] [--checksum] [--keep-git-dir] [--exclude] src… dest},
 * values expanded; sources may be URLs or git repositories. Heredoc sources are in {@code
 * sourceContents}, expanded unless the delimiter was quoted.
 */
public record Add(
    Node node,
    List<String> sources,
    String destination,
    Optional<String> chown,
    Optional<String> chmod,
    boolean link,
    Optional<String> checksum,
    List<String> excludes,
    List<Heredoc> sourceContents)
    implements Instruction {
  public Add {
    Objects.requireNonNull(node, "node");
    sources = List.copyOf(sources);
    Objects.requireNonNull(destination, "destination");
    Objects.requireNonNull(chown, "chown");
    Objects.requireNonNull(chmod, "chmod");
    Objects.requireNonNull(checksum, "checksum");
    excludes = List.copyOf(excludes);
    sourceContents = List.copyOf(sourceContents);
  }
}
