package dev.sizebot.rules;

import dev.sizebot.common.ByteSize;
import dev.sizebot.common.UnixPath;
import dev.sizebot.dockerfile.Stage;
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
                "the only stage ships build tools: " + String.join(", ", tools))
            .withFix(
                new Fix.Snippet(
                    "build in a stage of its own and copy only the result",
                    Fix.Snippet.DOCKERFILE,
                    MultiStageRewrite.of(input.dockerfile())));
    long bytes = 0;
    boolean known = false;
    for (String path : Toolchain.PATHS) {
      var found = input.evidence().finalBytesUnder(UnixPath.of(path));
      if (found.isPresent()) {
        known = true;
        bytes += found.get().bytes();
      }
    }
    return List.of(
        known
            ? finding.withEvidence(
                ByteSize.of(bytes),
                "toolchain directories hold " + ByteSize.of(bytes).human() + " in the final image")
            : finding);
  }
}
