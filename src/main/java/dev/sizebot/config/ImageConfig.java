package dev.sizebot.config;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * One image to measure: how to build it on both sides of the pull request (or which two prebuilt
 * images to compare), how to probe its startup, and its budget.
 *
 * @param name a short name used in the comment's marker and headline ({@code api})
 * @param context the build context directory, relative to the repository root
 * @param dockerfile the Dockerfile, relative to the repository root
 * @param target the stage to build; empty for the last one
 * @param buildArgs {@code --build-arg} values, sorted by name
 * @param platform e.g. {@code linux/amd64}; empty for the engine's own
 * @param prebuilt two images to compare instead of building
 * @param startup how to time startup; empty for no startup runs
 */
public record ImageConfig(
    String name,
    String context,
    String dockerfile,
    Optional<String> target,
    Map<String, String> buildArgs,
    Optional<String> platform,
    Optional<Prebuilt> prebuilt,
    Optional<StartupConfig> startup,
    Budget budget) {
  /** Names appear in an HTML comment marker and in file names, so they stay plain. */
  static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

  public ImageConfig {
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("bad image name " + name);
    }
    buildArgs = java.util.Collections.unmodifiableMap(new TreeMap<>(buildArgs));
  }

  /** The default image: {@code Dockerfile} in the repository root, no budget. */
  public static ImageConfig named(String name) {
    return new ImageConfig(
        name,
        ".",
        "Dockerfile",
        Optional.empty(),
        Map.of(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Budget.NONE);
  }

  /** Images (references the engine has, or archive paths) compared as they are, without builds. */
  public record Prebuilt(String base, String head) {}
}
