package dev.sizebot.dockerfile;

import java.util.Objects;

/**
 * A here-document attached to RUN, COPY or ADD ({@code <<EOF}, {@code <<-EOF}, {@code <<"EOF"}).
 *
 * @param name the delimiter word with quotes removed
 * @param fileDescriptor the descriptor written before {@code <<} ({@code 3<<EOF}), 0 when absent
 * @param expand false when any part of the delimiter was quoted (BuildKit then skips expansion)
 * @param chomp true for {@code <<-}: leading tabs are stripped from the body and the delimiter
 * @param content the raw body lines, each with its line ending, as BuildKit stores them
 */
public record Heredoc(
    String name, int fileDescriptor, boolean expand, boolean chomp, String content) {
  public Heredoc {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(content, "content");
  }

  /** The body as the build sees it: with {@code <<-}, leading tabs removed from every line. */
  public String body() {
    return chomp ? content.replaceAll("(?m)^\\t+", "") : content;
  }
}
