package dev.sizebot.rules;

import dev.sizebot.dockerfile.Dockerfile;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Everything a rule may look at. The CLI reads the files; rules never touch the disk or the
 * environment.
 *
 * @param dockerignore the text of the {@code .dockerignore} that applies to the build, when any
 * @param contextEntries the names at the top of the build context, when the caller listed them (a
 *     fix then copies only lock files that exist)
 * @param evidence what the built image shows, or {@link Evidence#NONE}
 */
public record LintInput(
    Dockerfile dockerfile,
    Optional<String> dockerignore,
    Optional<Set<String>> contextEntries,
    Evidence evidence) {
  public LintInput {
    Objects.requireNonNull(dockerfile, "dockerfile");
    Objects.requireNonNull(dockerignore, "dockerignore");
    contextEntries = contextEntries.map(Set::copyOf);
    Objects.requireNonNull(evidence, "evidence");
  }

  /** A Dockerfile alone: no context known, no image. */
  public static LintInput of(Dockerfile dockerfile) {
    return new LintInput(dockerfile, Optional.empty(), Optional.empty(), Evidence.NONE);
  }

  public LintInput withDockerignore(String text) {
    return new LintInput(dockerfile, Optional.of(text), contextEntries, evidence);
  }

  public LintInput withContextEntries(Set<String> names) {
    return new LintInput(dockerfile, dockerignore, Optional.of(names), evidence);
  }

  public LintInput withEvidence(Evidence newEvidence) {
    return new LintInput(dockerfile, dockerignore, contextEntries, newEvidence);
  }
}
