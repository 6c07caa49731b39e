package dev.sizebot.rules;

import java.util.List;

/** The catalogue: every rule sizebot ships, in id order. */
final class StandardRules {
  private StandardRules() {}

  static List<Rule> all() {
    return List.of(
        new AptNoInstallRecommends(),
        new AptListsLeft(),
        new ApkCacheLeft(),
        new RpmCacheLeft(),
        new PipCacheLeft(),
        new UvCacheLeft(),
        new PythonDevDependencies(),
        new NpmDevDependencies(),
        new NodeCacheLeft(),
        new DeletedInLaterLayer(),
        new ChownAfterCopy(),
        new SplitRuns(),
        new ToolchainInFinalImage(),
        new SlimBaseImage(),
        new UseraddLastlog(),
        new ContextNotIgnored(),
        new AddedThenDeleted(),
        new OverwrittenLater(),
        new AptUpdateAlone(),
        new CopyBeforeInstall(),
        new CacheMountSuggested(),
        new BuildErrors(),
        new UnpinnedBaseImage(),
        new RootUser(),
        new UnpinnedBuildTool(),
        new ShellStateOnly());
  }
}
