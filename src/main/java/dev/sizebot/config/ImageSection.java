package dev.sizebot.config;

import dev.sizebot.common.ByteSize;
import dev.sizebot.common.SizebotException;
import dev.sizebot.config.YamlNode.Mapping;
import dev.sizebot.startup.ProbeSpec;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** One entry of {@code images:} in {@code .github/sizebot.yml}. */
final class ImageSection {
  static final List<String> IMAGE =
      List.of(
          "name", "context", "dockerfile", "target", "build-args", "platform", "startup", "budget");
  static final List<String> STARTUP = List.of("probe", "runs", "timeout");
  static final List<String> BUDGET =
      List.of(
          "max-size",
          "max-increase",
          "max-increase-percent",
          "warn-increase",
          "warn-increase-percent",
          "noise-floor");
  // os/arch[/variant], as docker build --platform takes it.
  static final Pattern PLATFORM = Pattern.compile("[a-z0-9]+/[a-z0-9_]+(?:/[a-z0-9]+)?");
  static final Pattern BUILD_ARG = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private ImageSection() {}

  static ImageConfig image(Field field) {
    Mapping image = field.mapping(IMAGE);
    Field nameField =
        field
            .optional(image, "name")
            .orElseThrow(() -> field.error("missing key 'name' (e.g. name: api)"));
    String name = nameField.string();
    if (!ImageConfig.NAME.matcher(name).matches()) {
      throw nameField.error(
          "'" + name + "' is not a valid name (letters, digits, '.', '_', '-'; at most 64)");
    }
    String context = field.optional(image, "context").map(Field::string).orElse(".");
    String dockerfile =
        field.optional(image, "dockerfile").map(Field::string).orElse(defaultDockerfile(context));
    return new ImageConfig(
        name,
        context,
        dockerfile,
        field.optional(image, "target").map(Field::string),
        field.optional(image, "build-args").map(ImageSection::buildArgs).orElse(Map.of()),
        field.optional(image, "platform").map(ImageSection::platform),
        Optional.empty(),
        field.optional(image, "startup").map(ImageSection::startup),
        field.optional(image, "budget").map(ImageSection::budget).orElse(Budget.NONE));
  }

  /** Docker's own default: {@code Dockerfile} at the root of the context. */
  static String defaultDockerfile(String context) {
    String dir = context.replaceAll("/+$", "");
    return dir.isEmpty() || dir.equals(".") ? "Dockerfile" : dir + "/Dockerfile";
  }

  private static Map<String, String> buildArgs(Field field) {
    Mapping mapping = field.mapping(List.copyOf(keysOf(field)));
    Map<String, String> args = new LinkedHashMap<>();
    for (YamlNode.Entry entry : mapping.entries().values()) {
      if (!BUILD_ARG.matcher(entry.key()).matches()) {
        throw field.error(
            entry.keyPosition(), "'" + entry.key() + "' is not a build argument name");
      }
      args.put(entry.key(), field.child(entry.key(), entry.value()).text());
    }
    return args;
  }

  private static List<String> keysOf(Field field) {
    return field.node() instanceof Mapping m ? List.copyOf(m.entries().keySet()) : List.of();
  }

  static String platform(Field field) {
    String platform = field.string();
    if (!PLATFORM.matcher(platform).matches()) {
      throw field.error("'" + platform + "' is not a platform (want os/arch, e.g. linux/amd64)");
    }
    return platform;
  }

  private static StartupConfig startup(Field field) {
    Mapping startup = field.mapping(STARTUP);
    Field probe =
        field
            .optional(startup, "probe")
            .orElseThrow(
                () -> field.error("missing key 'probe' (e.g. probe: http://:8000/health)"));
    int runs =
        field.optional(startup, "runs").map(Field::positiveInt).orElse(StartupConfig.DEFAULT_RUNS);
    Duration timeout =
        field
            .optional(startup, "timeout")
            .map(t -> t.parsed(Quantity::duration, Quantity.DURATION_FORMS))
            .orElse(StartupConfig.DEFAULT_TIMEOUT);
    return new StartupConfig(probe(probe), runs, timeout);
  }

  static ProbeSpec probe(Field field) {
    String text = field.string();
    try {
      return ProbeSpec.parse(text);
    } catch (SizebotException e) {
      throw field.error(e.getMessage());
    }
  }

  private static Budget budget(Field field) {
    Mapping budget = field.mapping(BUDGET);
    return new Budget(
        size(field, budget, "max-size"),
        size(field, budget, "max-increase"),
        percent(field, budget, "max-increase-percent"),
        size(field, budget, "warn-increase"),
        percent(field, budget, "warn-increase-percent"),
        size(field, budget, "noise-floor"));
  }

  private static Optional<ByteSize> size(Field field, Mapping budget, String key) {
    return field.optional(budget, key).map(f -> f.parsed(Quantity::size, Quantity.SIZE_FORMS));
  }

  private static Optional<Double> percent(Field field, Mapping budget, String key) {
    return field
        .optional(budget, key)
        .map(f -> f.parsed(Quantity::percent, Quantity.PERCENT_FORMS));
  }
}
