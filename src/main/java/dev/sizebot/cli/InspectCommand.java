package dev.sizebot.cli;

import dev.sizebot.analysis.Analysis;
import dev.sizebot.common.SizebotException;
import dev.sizebot.image.Image;
import dev.sizebot.image.LayerCache;
import dev.sizebot.report.InspectJson;
import dev.sizebot.report.InspectMarkdown;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code sizebot inspect}: one image's layers, sizes, largest files and waste. */
@Command(
    name = "inspect",
    mixinStandardHelpOptions = true,
    description = {
      "Show one image: layers with their instructions, sizes (uncompressed and compressed),"
          + " largest files, reclaimable waste, duplicates and dive's metrics.",
      "The target is an existing path (docker-save archive, OCI layout directory or its tar) or"
          + " an image reference the local engine has. ARCHIVE#REF picks one image of an archive"
          + " that holds several (e.g. images.tar#app:1)."
    })
final class InspectCommand implements Callable<Integer> {
  enum Format {
    markdown,
    json
  }

  @Spec CommandSpec spec;

  @ParentCommand Main main;

  @Parameters(
      index = "0",
      paramLabel = "IMAGE|ARCHIVE[#REF]|DIR[#REF]",
      description = "What to inspect.")
  String target;

  @Option(
      names = "--platform",
      paramLabel = "OS/ARCH",
      description = "Platform to pick from a multi-platform index (default: this host's).")
  Optional<String> platform;

  @Option(
      names = "--format",
      defaultValue = "markdown",
      description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  Format format;

  @Option(
      names = "--top",
      defaultValue = "10",
      paramLabel = "N",
      description = "Rows per list (largest files, waste, duplicates; default: ${DEFAULT-VALUE}).")
  int top;

  @Mixin CacheOptions cache = new CacheOptions();

  @Option(names = "--timings", hidden = true, description = "Print phase timings to stderr.")
  boolean timings;

  @Override
  public Integer call() {
    if (top < 0) {
      throw SizebotException.invalidInput("--top must be 0 or more, not " + top);
    }
    PhaseTimings phases = new PhaseTimings();
    LayerCache layers = cache.open(spec.commandLine().getErr());
    Image image =
        phases.time("read", () -> ImageTarget.read(target, platform, main.limits(), layers));
    Analysis analysis = phases.time("analysis", () -> Analysis.of(image, top));
    phases.run(
        "render",
        () -> {
          PrintWriter out = spec.commandLine().getOut();
          out.print(
              format == Format.json
                  ? InspectJson.render(image, analysis, top)
                  : InspectMarkdown.render(image, analysis, top));
          out.flush();
        });
    if (timings) {
      phases.print(spec.commandLine().getErr());
      CacheOptions.printCounts(layers, spec.commandLine().getErr());
    }
    return 0;
  }

  /** {@code linux/<arch>} as Go (and so Docker) names this JVM's architecture. */
  static String hostPlatform() {
    return ImageTarget.hostPlatform();
  }
}
