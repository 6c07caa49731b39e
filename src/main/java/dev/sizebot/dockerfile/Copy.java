package dev.sizebot.dockerfile;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code COPY [--from] [--chown] [--chmod] [--link] [--parents] [--exclude] src… dest}, values
 * expanded. Heredoc sources ({@code COPY <<EOF /file}) are in {@link Node#heredocs()} as written
 * and in {@code sourceContents} as the build writes them (expanded unless the delimiter was
 * quoted), not in {@code sources}.
 */
public record Copy(
    Node node,
    List<String> sources,
    String destination,
    Optional<String> from,
    Optional<String> chown,
    Optional<String> chmod,
    boolean link,
    List<String> excludes,
    List<Heredoc> sourceContents)
    implements Instruction {
  public Copy {
    Objects.requireNonNull(node, "node");
    sources = List.copyOf(sources);
    Objects.requireNonNull(destination, "destination");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(chown, "chown");
    Objects.requireNonNull(chmod, "chmod");
    excludes = List.copyOf(excludes);
    sourceContents = List.copyOf(sourceContents);
  }
}
