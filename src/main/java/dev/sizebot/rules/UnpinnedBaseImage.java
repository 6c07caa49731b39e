package dev.sizebot.rules;

import dev.sizebot.dockerfile.From;
import dev.sizebot.dockerfile.Stage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** SB301: FROM without a tag, or with {@code :latest}. */
final class UnpinnedBaseImage implements Rule {
  static final RuleInfo INFO =
      new RuleInfo(
          "SB301",
          Severity.WARNING,
          "base image untagged or :latest",
          "An untagged or :latest base image changes whenever upstream pushes: builds stop being"
              + " reproducible and size diffs mix your change with theirs.",
          List.of("DL3006", "DL3007", "DS001"));

  // Example tags for a pinned suggestion; the fix says to pick the version you test with.
  private static final Map<String, String> EXAMPLE_TAGS =
      Map.ofEntries(
          Map.entry("python", "3.13-slim"),
          Map.entry("node", "22-slim"),
          Map.entry("debian", "12-slim"),
          Map.entry("ubuntu", "24.04"),
          Map.entry("alpine", "3.20"),
          Map.entry("golang", "1.23"),
          Map.entry("ruby", "3.3-slim"),
          Map.entry("eclipse-temurin", "21-jre"),
          Map.entry("nginx", "1.27-alpine"),
          Map.entry("busybox", "1.36"),
          Map.entry("rust", "1.82-slim"),
          Map.entry("maven", "3.9-eclipse-temurin-21"));

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(LintInput input) {
    List<Finding> findings = new ArrayList<>();
    for (Stage stage : input.dockerfile().stages()) {
      From from = stage.from();
      ImageName expanded = ImageName.parse(from.image());
      if (from.isScratch()
          || ImageName.isStage(input.dockerfile(), from)
          || expanded.pinnedByDigest()
          || expanded.hasVariables()
          || expanded.tag().filter(t -> !t.equals("latest")).isPresent()) {
        continue;
      }
      String what = expanded.tag().isPresent() ? "uses :latest" : "has no tag";
      Finding finding =
          INFO.at(
              Lines.of(from),
              "FROM " + from.image() + " at line " + from.range().startLine() + " " + what);
      findings.add(fix(from).map(finding::withFix).orElse(finding));
    }
    return findings;
  }

  private static Optional<Fix> fix(From from) {
    ImageName raw = ImageName.raw(from);
    if (raw.hasVariables()) {
      return Optional.empty();
    }
    return raw.official()
        .flatMap(name -> Optional.ofNullable(EXAMPLE_TAGS.get(name)))
        .flatMap(tag -> ImageName.replaceImage(from, raw.withTag(tag)))
        .map(
            text ->
                new Fix.Replacement(
                    "pin a version tag (an example — pick the version you test with)",
                    Lines.of(from),
                    text));
  }
}
