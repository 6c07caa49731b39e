package dev.sizebot.cli;

import dev.sizebot.common.SizebotException;
import dev.sizebot.diff.BuildSteps;
import dev.sizebot.docker.BuildRequest;
import dev.sizebot.docker.BuildResult;
import dev.sizebot.docker.Builder;
import dev.sizebot.docker.ComparedCommits;
import dev.sizebot.docker.GitRepo;
import dev.sizebot.docker.RunResources;
import dev.sizebot.docker.Worktree;
import dev.sizebot.dockerfile.Dockerfile;
import dev.sizebot.report.BuildFailure;
import dev.sizebot.report.Compared;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Builds the sides that are to be built: git refs in worktrees of their own (the base at its
 * merge-base with the head when both are refs), or a Dockerfile in the working tree. Base first,
 * then head, on one engine, so head reuses base's cache.
 */
final class SideBuilds {
  private final CompareCommand options;
  private final Builder builder;
  private final RunResources run;
  private final Commits commits;

  SideBuilds(CompareCommand options, Builder builder, RunResources run, Commits commits) {
    this.options = options;
    this.builder = builder;
    this.run = run;
    this.commits = commits;
  }

  /**
   * The commits the git sides build: the base at its merge-base with the head when both are refs.
   * Resolved before any engine work, so a bad ref or a context outside git fails first.
   */
  record Commits(
      Optional<GitRepo> repo, Optional<String> base, Optional<String> head, boolean mergeBase) {
    static Commits resolve(Path context, SideSpec base, SideSpec head) {
      if (base instanceof SideSpec.GitBuild gb && head instanceof SideSpec.GitBuild gh) {
        GitRepo repo = GitRepo.open(context);
        ComparedCommits compared = repo.compare(gb.ref(), gh.ref());
        return new Commits(
            Optional.of(repo),
            Optional.of(compared.mergeBase()),
            Optional.of(compared.head()),
            true);
      }
      if (base instanceof SideSpec.GitBuild || head instanceof SideSpec.GitBuild) {
        GitRepo repo = GitRepo.open(context);
        return new Commits(Optional.of(repo), commit(repo, base), commit(repo, head), false);
      }
      return new Commits(Optional.empty(), Optional.empty(), Optional.empty(), false);
    }

    private static Optional<String> commit(GitRepo repo, SideSpec side) {
      return side instanceof SideSpec.GitBuild g
          ? Optional.of(repo.resolve(g.ref()))
          : Optional.empty();
    }
  }

  /** Builds both sides where needed; a side that is not built is returned as given. */
  LoadedSide[] build(SideSpec base, SideSpec head, LoadedSide b, LoadedSide h) {
    LoadedSide builtBase = buildSide(base, "base", b, commits.base());
    LoadedSide builtHead = buildSide(head, "head", h, commits.head());
    return new LoadedSide[] {builtBase, builtHead};
  }

  private LoadedSide buildSide(
      SideSpec spec, String side, LoadedSide given, Optional<String> commit) {
    if (spec instanceof SideSpec.DockerfileBuild d) {
      BuildRequest request = request(options.context, d.dockerfile());
      return built(
          side, request, new Compared(side, "built from " + d.dockerfile(), Optional.empty()));
    }
    if (spec instanceof SideSpec.GitBuild g) {
      String sha = commit.orElseThrow();
      Worktree tree = commits.repo().orElseThrow().checkout(sha, run);
      BuildRequest request = tree.relocate(request(options.context, dockerfile()));
      String how = commits.mergeBase() && side.equals("base") ? " (merge-base)" : "";
      return built(
          side,
          request,
          new Compared(
              g.ref(),
              "built from " + dockerfile() + " at " + g.ref() + how,
              Optional.of(sha.substring(0, 7))));
    }
    return given;
  }

  private Path dockerfile() {
    return options.dockerfile.orElse(options.context.resolve("Dockerfile"));
  }

  private BuildRequest request(Path context, Path dockerfile) {
    return new BuildRequest(
        context, dockerfile, options.target, options.buildArgs, options.platform, Map.of());
  }

  private LoadedSide built(String side, BuildRequest request, Compared compared) {
    BuildResult result = builder.build(request, side);
    if (result instanceof BuildResult.Built ok) {
      return new LoadedSide(
          compared,
          Optional.of(new SideSpec.EngineImage(ok.tag())),
          steps(request.dockerfile()),
          Optional.empty(),
          result.duration());
    }
    BuildResult.Failed failed = (BuildResult.Failed) result;
    BuildFailure failure =
        new BuildFailure(
            side,
            boxed(failed.dockerfileLine()),
            failed.failingStep(),
            failed.exitCode(),
            boxed(failed.stepExitCode()),
            failed.lastLines());
    return new LoadedSide(
        compared, Optional.empty(), Optional.empty(), Optional.of(failure), result.duration());
  }

  private static Optional<Integer> boxed(OptionalInt value) {
    return value.isPresent() ? Optional.of(value.getAsInt()) : Optional.empty();
  }

  // The Dockerfile tells which history entries the build made (see BuildSteps). A file our parser
  // rejects that BuildKit built anyway only costs the drift split, so it is not an error.
  private Optional<BuildSteps> steps(Path dockerfile) {
    try {
      Dockerfile parsed =
          Dockerfile.parse(
              Dockerfile.readText(dockerfile), dockerfile.toString(), options.buildArgs);
      return Optional.of(BuildSteps.from(parsed, options.target));
    } catch (SizebotException e) {
      return Optional.empty();
    }
  }
}
