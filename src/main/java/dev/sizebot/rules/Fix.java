package dev.sizebot.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** How to fix a finding: an exact patch of some lines, or a proposed snippet for bigger changes. */
public sealed interface Fix {
  /** One line for people: what the fix does. */
  String description();

  /**
   * Replace exactly {@code lines} of the Dockerfile with {@code text} (no trailing newline).
   * Renders as a GitHub suggestion block and as a SARIF replacement.
   */
  record Replacement(String description, LineRange lines, String text) implements Fix {
    public Replacement {
      Objects.requireNonNull(description, "description");
      Objects.requireNonNull(lines, "lines");
      Objects.requireNonNull(text, "text");
    }

    /** The whole Dockerfile with this replacement applied (line endings become {@code \n}). */
    public String applyTo(String dockerfile) {
      List<String> all = new ArrayList<>(List.of(dockerfile.split("\r?\n", -1)));
      if (lines.end() > all.size()) {
        throw new IllegalArgumentException("replacement beyond the end of the file: " + lines);
      }
      List<String> result = new ArrayList<>(all.subList(0, lines.start() - 1));
      result.addAll(List.of(text.split("\n", -1)));
      result.addAll(all.subList(lines.end(), all.size()));
      return String.join("\n", result);
    }
  }

  /**
   * A proposed file for a structural change: the whole rewritten Dockerfile (multi-stage) or a
   * {@code .dockerignore}. {@code file} names which.
   */
  record Snippet(String description, String file, String text) implements Fix {
    public static final String DOCKERFILE = "Dockerfile";
    public static final String DOCKERIGNORE = ".dockerignore";

    public Snippet {
      Objects.requireNonNull(description, "description");
      Objects.requireNonNull(text, "text");
      if (!DOCKERFILE.equals(file) && !DOCKERIGNORE.equals(file)) {
        throw new IllegalArgumentException("snippet file must be Dockerfile or .dockerignore");
      }
    }
  }
}
