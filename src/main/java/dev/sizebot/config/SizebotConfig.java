package dev.sizebot.config;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Everything one sizebot run is told to do: the images to measure and how to judge and publish
 * them. Read from {@code .github/sizebot.yml} ({@link ConfigFile}) or from the action's inputs
 * ({@link ActionInputs}); DESIGN.md, "Configuration".
 *
 * @param ignoredRules rule ids never reported (e.g. {@code SB104})
 * @param check whether a check run gates the pull request
 * @param suggestions whether fixes are posted as review suggestions
 */
public record SizebotConfig(
    List<ImageConfig> images,
    List<String> ignoredRules,
    CommentConfig comment,
    boolean check,
    boolean suggestions) {
  public SizebotConfig {
    images = List.copyOf(images);
    ignoredRules = List.copyOf(ignoredRules);
    if (images.isEmpty()) {
      throw new IllegalArgumentException("no images");
    }
    Set<String> names = new HashSet<>();
    for (ImageConfig image : images) {
      if (!names.add(image.name())) {
        throw new IllegalArgumentException("duplicate image name " + image.name());
      }
    }
  }

  public SizebotConfig withComment(CommentConfig comment) {
    return new SizebotConfig(images, ignoredRules, comment, check, suggestions);
  }

  public SizebotConfig withCheck(boolean check) {
    return new SizebotConfig(images, ignoredRules, comment, check, suggestions);
  }

  public SizebotConfig withSuggestions(boolean suggestions) {
    return new SizebotConfig(images, ignoredRules, comment, check, suggestions);
  }
}
