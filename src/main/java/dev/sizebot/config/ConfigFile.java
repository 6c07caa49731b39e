package dev.sizebot.config;

import dev.sizebot.common.SizebotException;
import dev.sizebot.config.YamlNode.Mapping;
import dev.sizebot.config.YamlNode.Position;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads {@code .github/sizebot.yml} (DESIGN.md, "Configuration"; README, "Configuration file").
 * Every unknown key and bad value fails with one line naming the file, line, column, key and what
 * is allowed (exit 2).
 */
public final class ConfigFile {
  /** Where the action looks when its {@code config} input is empty. */
  public static final String DEFAULT_PATH = ".github/sizebot.yml";

  static final List<String> TOP = List.of("images", "rules", "comment", "check", "suggestions");
  static final List<String> RULES = List.of("ignore");
  static final List<String> COMMENT = List.of("mode", "override-label");
  static final List<String> ENABLED = List.of("enabled");

  private ConfigFile() {}

  /** Reads the file at {@code path}, named in errors as {@code shownAs}. */
  public static SizebotConfig read(Path path, String shownAs) {
    try {
      return parse(shownAs, Files.readString(path, StandardCharsets.UTF_8));
    } catch (NoSuchFileException e) {
      throw SizebotException.invalidInput(
          shownAs + ": no such file (create it, or leave the action's config input empty)", e);
    } catch (IOException e) {
      throw SizebotException.invalidInput(shownAs + ": cannot read: " + e.getMessage(), e);
    }
  }

  /** Parses configuration text; {@code file} names it in errors. */
  public static SizebotConfig parse(String file, String text) {
    YamlNode root =
        YamlReader.read(file, text)
            .orElseThrow(
                () ->
                    SizebotException.invalidInput(
                        file + ": is empty; it needs at least 'images:' with one image"));
    Field top = new Field(file, "", root);
    Mapping mapping = top.mapping(TOP);
    Field images =
        top.optional(mapping, "images")
            .orElseThrow(
                () -> top.error(new Position(1, 1), "missing key 'images' (a list of images)"));
    return new SizebotConfig(
        images(images),
        top.optional(mapping, "rules").map(ConfigFile::ignoredRules).orElse(List.of()),
        top.optional(mapping, "comment").map(ConfigFile::comment).orElse(CommentConfig.DEFAULT),
        top.optional(mapping, "check").map(ConfigFile::enabled).orElse(true),
        top.optional(mapping, "suggestions").map(ConfigFile::enabled).orElse(true));
  }

  private static List<ImageConfig> images(Field field) {
    List<Field> items = field.items();
    if (items.isEmpty()) {
      throw field.error("is an empty list, want at least one image (each with a name)");
    }
    Map<String, Field> seen = new LinkedHashMap<>();
    List<ImageConfig> images = new ArrayList<>();
    for (Field item : items) {
      ImageConfig image = ImageSection.image(item);
      Field first = seen.putIfAbsent(image.name(), item);
      if (first != null) {
        throw item.error(
            "duplicate image name '"
                + image.name()
                + "' (also "
                + first.path()
                + " at line "
                + first.node().position().line()
                + "): give each image its own name");
      }
      images.add(image);
    }
    return images;
  }

  private static List<String> ignoredRules(Field field) {
    Mapping rules = field.mapping(RULES);
    return field.optional(rules, "ignore").map(ConfigFile::ruleIds).orElse(List.of());
  }

  private static List<String> ruleIds(Field field) {
    List<String> ids = new ArrayList<>();
    for (Field item : field.items()) {
      String id = item.string().toUpperCase(Locale.ROOT);
      if (!id.matches("SB\\d{3}")) {
        throw item.error("'" + item.text() + "' is not a rule id (want e.g. SB104)");
      }
      ids.add(id);
    }
    return ids;
  }

  private static CommentConfig comment(Field field) {
    Mapping comment = field.mapping(COMMENT);
    CommentConfig.Mode mode =
        field
            .optional(comment, "mode")
            .map(ConfigFile::commentMode)
            .orElse(CommentConfig.Mode.UPDATE);
    Optional<String> label = field.optional(comment, "override-label").map(Field::string);
    return new CommentConfig(mode, label);
  }

  static CommentConfig.Mode commentMode(Field field) {
    String text = field.text().strip().toLowerCase(Locale.ROOT);
    for (CommentConfig.Mode mode : CommentConfig.Mode.values()) {
      if (mode.name().toLowerCase(Locale.ROOT).equals(text)) {
        return mode;
      }
    }
    throw field.error("is " + field.describeValue() + ", want one of update, recreate, off");
  }

  private static boolean enabled(Field field) {
    Mapping mapping = field.mapping(ENABLED);
    return field.optional(mapping, "enabled").map(Field::bool).orElse(true);
  }
}
