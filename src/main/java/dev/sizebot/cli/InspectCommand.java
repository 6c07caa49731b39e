package dev.sizebot.cli;

import dev.sizebot.analysis.Analysis;
import dev.sizebot.common.ImageRef;
import dev.sizebot.common.SizebotException;
import dev.sizebot.image.Image;
import dev.sizebot.image.ImageSelector;
import dev.sizebot.image.ImageSource;
import dev.sizebot.image.ReadLimits;
import dev.sizebot.report.InspectJson;
import dev.sizebot.report.InspectMarkdown;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code sizebot inspect}: one image's layers, sizes, largest files and waste. */
@Command(
    name = "inspect",
    mixinStandardHelpOptions = true,
    description = {
      "Show one image: layers with their instructions, sizes (uncompressed and compressed),"
          + " largest files, reclaimable waste, duplicates and dive's metrics.",
      "The target is an existing path (docker-save archive, OCI layout directory or its tar) or"
          + " an image reference the local engine has."
    })
final class InspectCommand implements Callable<Integer> {
  enum Format {
    markdown,
    json
  }

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "IMAGE|ARCHIVE|DIR", description = "What to inspect.")
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

  @Override
  public Integer call() {
    if (top < 0) {
      throw SizebotException.invalidInput("--top must be 0 or more, not " + top);
    }
    Image image = existingPath().map(this::fromPath).orElseGet(this::fromEngine);
    Analysis analysis = Analysis.of(image, top);
    String rendered =
        format == Format.json
            ? InspectJson.render(image, analysis, top)
            : InspectMarkdown.render(image, analysis, top);
    PrintWriter out = spec.commandLine().getOut();
    out.print(rendered);
    out.flush();
    return 0;
  }

  private Optional<Path> existingPath() {
    try {
      Path path = Path.of(target);
      return Files.exists(path) ? Optional.of(path) : Optional.empty();
    } catch (InvalidPathException e) {
      return Optional.empty();
    }
  }

  private Image fromPath(Path path) {
    ImageSelector selector = ImageSelector.only(platform.orElseGet(InspectCommand::hostPlatform));
    return ImageSource.open(path, ReadLimits.DEFAULT).read(selector);
  }

  private Image fromEngine() {
    if (!ImageRef.looksLikeRef(target)) {
      throw SizebotException.invalidInput(
          "'"
              + target
              + "' is neither an existing file or directory nor an image reference: check the"
              + " path or name an image the engine has (docker images)");
    }
    return EngineImages.read(ImageRef.parse(target), platform);
  }

  /** {@code linux/<arch>} as Go (and so Docker) names this JVM's architecture. */
  static String hostPlatform() {
    String arch = System.getProperty("os.arch", "amd64").toLowerCase(Locale.ROOT);
    String goArch =
        switch (arch) {
          case "x86_64", "amd64" -> "amd64";
          case "aarch64", "arm64" -> "arm64";
          case "x86", "i386", "i686" -> "386";
          default -> arch;
        };
    return "linux/" + goArch;
  }
}
