package dev.sizebot.config;

import dev.sizebot.common.SizebotException;
import dev.sizebot.config.YamlNode.Position;
import dev.sizebot.config.YamlNode.Scalar;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The action's inputs (action.yml) as the runner hands them over: one {@code INPUT_NAME} variable
 * per input, upper-cased, empty when not given. They describe one image; a configuration file
 * ({@code config}, or {@code .github/sizebot.yml}) describes several, and then only the inputs that
 * are not about one image ({@code comment_mode}, {@code check}, {@code suggestions}) may override
 * it.
 */
public final class ActionInputs {
  /** Every input action.yml declares, in its order. */
  public static final List<String> NAMES =
      List.of(
          "dockerfile",
          "context",
          "target",
          "build_args",
          "platform",
          "image",
          "startup_probe",
          "startup_runs",
          "max_size",
          "max_increase",
          "max_increase_percent",
          "warn_increase",
          "comment_mode",
          "check",
          "suggestions",
          "config",
          "github_token",
          "mode",
          "reports");

  static final List<String> IMAGE_INPUTS = NAMES.subList(0, 12);
  private static final String SOURCE = "action input";
  private static final Position NOWHERE = new Position(0, 0);

  private final Map<String, String> values;

  private ActionInputs(Map<String, String> values) {
    this.values = values;
  }

  /**
   * The inputs among environment variables: {@code INPUT_MAX_SIZE} is input {@code max_size}. Other
   * variables are ignored; an {@code INPUT_} variable for no declared input is an error.
   */
  public static ActionInputs fromEnvironment(Map<String, String> environment) {
    Map<String, String> inputs = new TreeMap<>();
    environment.forEach(
        (name, value) -> {
          if (name.startsWith("INPUT_")) {
            inputs.put(name.substring(6).toLowerCase(Locale.ROOT), value);
          }
        });
    return of(inputs);
  }

  /** Inputs by their action.yml names; empty values count as not given. */
  public static ActionInputs of(Map<String, String> inputs) {
    Map<String, String> given = new LinkedHashMap<>();
    inputs.forEach(
        (name, value) -> {
          if (!NAMES.contains(name)) {
            throw SizebotException.invalidInput(
                SOURCE + " '" + name + "': " + Field.unknownKey(name, NAMES));
          }
          if (!value.isBlank()) {
            given.put(name, value.strip());
          }
        });
    return new ActionInputs(given);
  }

  public Optional<String> get(String name) {
    return Optional.ofNullable(values.get(name));
  }

  /** The {@code mode} input; {@code pr} when not given. */
  public RunMode mode() {
    String mode = get("mode").orElse("pr");
    for (RunMode m : RunMode.values()) {
      if (m.name().equalsIgnoreCase(mode)) {
        return m;
      }
    }
    throw SizebotException.invalidInput(
        SOURCE
            + " 'mode': '"
            + mode
            + "' is not a mode; want one of "
            + String.join(
                ", ",
                Arrays.stream(RunMode.values())
                    .map(m -> m.name().toLowerCase(Locale.ROOT))
                    .toList()));
  }

  /** The {@code config} input: a configuration file, relative to the repository root. */
  public Optional<String> configPath() {
    return get("config");
  }

  /** The one image the inputs describe, with the inputs' comment, check and suggestions. */
  public SizebotConfig toConfig() {
    return overlay(
        new SizebotConfig(
            List.of(InputImage.image(this)), List.of(), CommentConfig.DEFAULT, true, true));
  }

  /**
   * The file's configuration with the inputs that apply to a whole run laid over it. Inputs about
   * one image conflict with a file of images and fail, naming the input to remove.
   */
  public SizebotConfig overlay(String file, SizebotConfig config) {
    for (String name : IMAGE_INPUTS) {
      if (values.containsKey(name)) {
        throw SizebotException.invalidInput(
            SOURCE
                + " '"
                + name
                + "' describes one image, but "
                + file
                + " lists the images: set it there (or leave the input out)");
      }
    }
    return overlay(config);
  }

  private SizebotConfig overlay(SizebotConfig config) {
    SizebotConfig result = config;
    if (values.containsKey("comment_mode")) {
      result =
          result.withComment(
              new CommentConfig(
                  ConfigFile.commentMode(field("comment_mode")), config.comment().overrideLabel()));
    }
    if (values.containsKey("check")) {
      result = result.withCheck(field("check").bool());
    }
    if (values.containsKey("suggestions")) {
      result = result.withSuggestions(field("suggestions").bool());
    }
    return result;
  }

  /** An input as a configuration field, so inputs and the file share every check and message. */
  Field field(String name) {
    String text = values.get(name);
    Scalar.Kind kind =
        text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")
            ? Scalar.Kind.BOOLEAN
            : text.matches("\\d+") ? Scalar.Kind.NUMBER : Scalar.Kind.STRING;
    return new Field(SOURCE, name, new Scalar(text, kind, NOWHERE));
  }
}
