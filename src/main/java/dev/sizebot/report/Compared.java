package dev.sizebot.report;

import java.util.Objects;
import java.util.Optional;

/**
 * What one side of a comparison was, for the reader: a label ({@code base}/{@code head} or the git
 * ref), where it came from, and the commit when it was built from git.
 *
 * @param source e.g. {@code archive examples/app-base.tar}, {@code image app:1.2}, {@code built
 *     from Dockerfile at main@1a2b3c4}
 */
public record Compared(String label, String source, Optional<String> commit) {
  public Compared {
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(commit, "commit");
  }
}
