package dev.sizebot.rules;

import dev.sizebot.common.UnixPath;
import dev.sizebot.dockerfile.Stage;
import java.util.ArrayList;
import java.util.List;

/** SB113: a single-stage build ships its compilers and build tools. */
final class ToolchainInFinalImage implements Rule {
  static final RuleInfo INFO =
      new RuleInfo(
          "SB113",
          Severity.WARNING,
          "build toolchain shipped in a single-stage image",
          "Compilers, headers, JDKs and package-manager tools are needed to build, not to run;"
              + " in a single-stage build they ship to production. A build stage keeps them out.",
          List.of());

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(LintInput input) {
    if (input.dockerfile().stages().size() != 1) {
      return List.of();
    }
    Stage stage = input.dockerfile().finalStage();
    List<String> tools = Toolchain.in(stage);
    if (tools.isEmpty()) {
      return List.of();
    }
    Finding finding =
        INFO.at(
                Lines.of(stage.range()),
                "the only stage ships build tools: " + String.join(", ", tools) + libraries(stage))
            .withFix(
                new Fix.Snippet(
                    "build in a stage of its own and copy only the result",
                    Fix.Snippet.DOCKERFILE,
                    MultiStageRewrite.of(input.dockerfile())));
    List<ShippedBytes> found = new ArrayList<>();
    for (String path : Toolchain.PATHS) {
      input.evidence().finalBytesUnder(UnixPath.of(path)).ifPresent(found::add);
    }
    boolean known = !found.isEmpty();
    ShippedBytes bytes = ShippedBytes.union(found);
    List<String> programs = programsPresent(input.evidence(), tools);
    List<String> shown = new ArrayList<>();
    if (!programs.isEmpty()) {
      shown.add(String.join(", ", programs) + " present in the final image");
    }
    if (known) {
      shown.add("toolchain directories hold " + bytes.size().human() + " in the final image");
    }
    return List.of(
        shown.isEmpty() ? finding : finding.withEvidence(bytes, String.join("; ", shown)));
  }

  // Packages such as gcc, g++, make and git install a program of their own name: /usr/bin having
  // it proves the tool shipped, even when it is only a symlink (gcc → gcc-12) of zero bytes.
  private static List<String> programsPresent(Evidence evidence, List<String> tools) {
    List<String> present = new ArrayList<>();
    for (String tool : tools) {
      String program = "/usr/bin/" + tool.replaceAll("[=:<>].*$", "");
      if (evidence.presentInFinalImage(UnixPath.of(program)).orElse(false)) {
        present.add(program);
      }
    }
    return present;
  }

  private static String libraries(Stage stage) {
    RuntimeLibraries libraries = RuntimeLibraries.of(stage);
    return libraries.isEmpty()
        ? ""
        : "; a runtime stage still needs the libraries they link: " + libraries.describe();
  }
}
