package dev.sizebot.rules;

import dev.sizebot.dockerfile.From;
import dev.sizebot.dockerfile.Stage;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** SB114: the shipped stage starts from a full image where a slim variant exists. */
final class SlimBaseImage implements Rule {
  static final RuleInfo INFO =
      new RuleInfo(
          "SB114",
          Severity.WARNING,
          "full base image where a slim variant exists",
          "The full python, node, ruby and debian images carry compilers, headers and docs"
              + " (hundreds of MB); the -slim variant has the same runtime. Compile in a build"
              + " stage if you need the tools.",
          List.of());

  // python and ruby write the codename after "slim" (3.12-slim-bookworm); node and debian before
  // it (22-bookworm-slim, bookworm-slim), as on their Docker Hub tag lists.
  private static final Set<String> SLIM_FIRST = Set.of("python", "ruby");
  private static final Set<String> SLIM_LAST = Set.of("node", "debian");
  private static final Pattern CODENAME =
      Pattern.compile("^(.*?)-?(bookworm|bullseye|buster|trixie)$");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(LintInput input) {
    Stage base = baseStage(input);
    From from = base.from();
    ImageName raw = ImageName.raw(from);
    Optional<String> name = raw.official();
    if (name.isEmpty() || raw.pinnedByDigest() || raw.repository().contains("$")) {
      return List.of();
    }
    Optional<String> slim = slimTag(name.get(), raw.tag().orElse("latest"));
    if (slim.isEmpty()) {
      return List.of();
    }
    String image = raw.withTag(slim.get());
    Finding finding =
        INFO.at(Lines.of(from), "the image ships " + from.image() + "; " + image + " is smaller");
    return List.of(
        ImageName.replaceImage(from, image)
            .map(
                text ->
                    finding.withFix(
                        new Fix.Replacement("use the slim variant", Lines.of(from), text)))
            .orElse(finding));
  }

  /** The stage whose FROM names the external image the final image is built on. */
  private static Stage baseStage(LintInput input) {
    Stage stage = input.dockerfile().finalStage();
    while (ImageName.isStage(input.dockerfile(), stage.from())) {
      stage = input.dockerfile().stage(stage.from().image()).orElseThrow();
    }
    return stage;
  }

  static Optional<String> slimTag(String image, String tag) {
    if (!SLIM_FIRST.contains(image) && !SLIM_LAST.contains(image)
        || tag.matches(".*(slim|alpine|windows|nanoserver|onbuild).*")) {
      return Optional.empty();
    }
    if (tag.equals("latest")) {
      return Optional.of(image.equals("debian") ? "stable-slim" : "slim");
    }
    Matcher m = CODENAME.matcher(tag);
    if (m.matches()) {
      String version = m.group(1);
      String codename = m.group(2);
      if (SLIM_FIRST.contains(image)) {
        return Optional.of(version.isEmpty() ? "slim-" + codename : version + "-slim-" + codename);
      }
      return Optional.of(tag + "-slim");
    }
    return tag.matches("[\\w.${}:-]+") ? Optional.of(tag + "-slim") : Optional.empty();
  }
}
