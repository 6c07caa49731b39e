package dev.sizebot.config;

import dev.sizebot.common.ByteSize;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The one image the action's inputs describe (README, "Action inputs"). */
final class InputImage {
  private InputImage() {}

  static ImageConfig image(ActionInputs inputs) {
    String context = inputs.get("context").orElse(".");
    String dockerfile = inputs.get("dockerfile").orElse(ImageSection.defaultDockerfile(context));
    Optional<ImageConfig.Prebuilt> prebuilt =
        inputs.get("image").map(i -> prebuilt(inputs.field("image")));
    return new ImageConfig(
        prebuilt.isPresent() ? "image" : name(dockerfile),
        context,
        dockerfile,
        inputs.get("target"),
        inputs.get("build_args").map(a -> buildArgs(inputs.field("build_args"))).orElse(Map.of()),
        inputs.get("platform").map(p -> ImageSection.platform(inputs.field("platform"))),
        prebuilt,
        inputs.get("startup_probe").map(p -> startup(inputs)),
        budget(inputs));
  }

  /**
   * The Dockerfile's file name as the image's name: {@code docker/api.Dockerfile} → {@code
   * api.Dockerfile}.
   */
  static String name(String dockerfile) {
    String base = dockerfile.substring(dockerfile.lastIndexOf('/') + 1);
    String name = base.replaceAll("[^A-Za-z0-9._-]", "-").replaceAll("^[._-]+", "");
    return name.isEmpty() ? "image" : name.substring(0, Math.min(64, name.length()));
  }

  /** {@code image}: the base and head images, separated by blanks or a newline. */
  private static ImageConfig.Prebuilt prebuilt(Field field) {
    String[] refs = field.string().split("[\\s,]+");
    if (refs.length != 2) {
      throw field.error(
          "'" + field.text() + "' names " + refs.length + " images; want two: BASE HEAD");
    }
    return new ImageConfig.Prebuilt(refs[0], refs[1]);
  }

  /** {@code build_args}: one {@code NAME=VALUE} a line, as docker/build-push-action takes them. */
  private static Map<String, String> buildArgs(Field field) {
    Map<String, String> args = new LinkedHashMap<>();
    for (String line : field.text().split("\\R")) {
      if (line.isBlank()) {
        continue;
      }
      int eq = line.indexOf('=');
      String name = eq < 0 ? "" : line.substring(0, eq).strip();
      if (!ImageSection.BUILD_ARG.matcher(name).matches()) {
        throw field.error("'" + line.strip() + "' is not NAME=VALUE (one build argument a line)");
      }
      args.put(name, line.substring(eq + 1));
    }
    return args;
  }

  private static StartupConfig startup(ActionInputs inputs) {
    int runs =
        inputs
            .get("startup_runs")
            .map(r -> inputs.field("startup_runs").positiveInt())
            .orElse(StartupConfig.DEFAULT_RUNS);
    return new StartupConfig(
        ImageSection.probe(inputs.field("startup_probe")), runs, StartupConfig.DEFAULT_TIMEOUT);
  }

  private static Budget budget(ActionInputs inputs) {
    return new Budget(
        size(inputs, "max_size"),
        size(inputs, "max_increase"),
        inputs
            .get("max_increase_percent")
            .map(
                p ->
                    inputs
                        .field("max_increase_percent")
                        .parsed(Quantity::percent, Quantity.PERCENT_FORMS)),
        size(inputs, "warn_increase"),
        Optional.empty(),
        Optional.empty());
  }

  private static Optional<ByteSize> size(ActionInputs inputs, String name) {
    return inputs
        .get(name)
        .map(s -> inputs.field(name).parsed(Quantity::size, Quantity.SIZE_FORMS));
  }
}
