package dev.sizebot.cli;

import dev.sizebot.config.ImageConfig;
import dev.sizebot.docker.GitRepo;
import dev.sizebot.dockerfile.Dockerfile;
import dev.sizebot.image.Image;
import dev.sizebot.pipeline.Measurer;
import dev.sizebot.report.CompareReport;
import dev.sizebot.rules.Evidence;
import dev.sizebot.rules.Finding;
import dev.sizebot.rules.LintInput;
import dev.sizebot.rules.RuleSet;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@link Measurer} over the engine: one {@code compare} of the configured image at the two commits
 * (built in git worktrees, or the prebuilt images the config names), then the head Dockerfile
 * linted with the head image as evidence, so findings carry the bytes the layers prove.
 */
final class EngineMeasurer implements Measurer {
  private final Main main;
  private final PrintWriter err;
  private final Set<String> ignoredRules;
  // The repository's top directory (GITHUB_WORKSPACE in Actions): the config's paths are relative
  // to it, whatever the working directory.
  private final Path workspace;

  EngineMeasurer(Main main, PrintWriter err, List<String> ignoredRules, Path workspace) {
    this.main = main;
    this.err = err;
    this.ignoredRules = Set.copyOf(ignoredRules);
    this.workspace = workspace;
  }

  @Override
  public Measurement measure(ImageConfig image, String baseSha, String headSha) {
    CompareCommand options = options(image);
    CompareRun run = new CompareRun(options, err);
    AtomicReference<Image> head = new AtomicReference<>();
    run.onHeadImage(head::set);
    err.println(
        "sizebot: "
            + image.name()
            + ": building and comparing "
            + abbrev(baseSha)
            + "…"
            + abbrev(headSha));
    CompareReport report =
        image.prebuilt().isPresent()
            ? run.compare(
                new SideSpec.EngineImage(image.prebuilt().get().base()),
                new SideSpec.EngineImage(image.prebuilt().get().head()))
            : run.compare(new SideSpec.GitBuild(baseSha), new SideSpec.GitBuild(headSha));
    Optional<String> dockerfile =
        image.prebuilt().isPresent()
            ? Optional.empty()
            : GitRepo.open(workspace).show(headSha, gitPath(image.dockerfile()));
    List<Finding> findings =
        dockerfile
            .map(text -> lint(image, text, Optional.ofNullable(head.get())))
            .orElse(List.of());
    return new Measurement(options.platform(), report, findings, dockerfile);
  }

  private List<Finding> lint(ImageConfig config, String text, Optional<Image> image) {
    Dockerfile parsed = Dockerfile.parse(text, config.dockerfile(), config.buildArgs());
    if (parsed.stages().isEmpty()) {
      return List.of();
    }
    Evidence evidence = image.map(i -> safeEvidence(i, config, parsed)).orElse(Evidence.NONE);
    LintInput input = LintInput.of(parsed).withEvidence(evidence);
    return RuleSet.standard().lint(input, config.dockerfile(), ignoredRules).findings();
  }

  // A head image that cannot be tied to its Dockerfile (e.g. a target stage other than the last)
  // still gets the static findings; only their evidence is lost, and stderr says so.
  private Evidence safeEvidence(Image image, ImageConfig config, Dockerfile parsed) {
    try {
      return LintEvidence.of(image, config.name() + " (head)", parsed);
    } catch (dev.sizebot.common.SizebotException e) {
      err.println(
          "sizebot: note: " + config.name() + ": findings are not sized: " + e.getMessage());
      return Evidence.NONE;
    }
  }

  /** The compare options one configured image stands for. */
  CompareCommand options(ImageConfig image) {
    CompareCommand o = new CompareCommand();
    o.main = main;
    o.context = workspace.resolve(image.context()).normalize();
    o.dockerfile =
        image.prebuilt().isPresent()
            ? Optional.empty()
            : Optional.of(workspace.resolve(image.dockerfile()).normalize());
    o.target = image.target();
    o.buildArgs.putAll(image.buildArgs());
    o.platform = image.platform();
    o.startup = image.startup().map(s -> s.probe().toString());
    o.runs = image.startup().map(s -> s.runs()).orElse(o.runs);
    image.startup().ifPresent(s -> o.startupTimeout = s.timeout());
    return o;
  }

  private static String gitPath(String dockerfile) {
    return Path.of(dockerfile).normalize().toString().replace('\\', '/');
  }

  private static String abbrev(String sha) {
    return sha.length() > 7 ? sha.substring(0, 7) : sha;
  }
}
