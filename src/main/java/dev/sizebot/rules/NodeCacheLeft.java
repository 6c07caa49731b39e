package dev.sizebot.rules;

import dev.sizebot.dockerfile.ShellCommand;
import java.util.List;

/** SB109: npm or yarn installs that leave their package cache in the layer. */
final class NodeCacheLeft extends CacheLeft {
  static final RuleInfo INFO =
      new RuleInfo(
          "SB109",
          Severity.WARNING,
          "npm/yarn cache left in the layer",
          "npm keeps a copy of every tarball in /root/.npm and yarn in"
              + " /usr/local/share/.cache/yarn; unless the same RUN cleans it (or a cache mount"
              + " holds it) the cache ships in the image.",
          List.of("DL3060"));

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  List<Leak> leaks(StageRun run) {
    if (uses(run, NodeJs::isNpmProjectInstall, "npm", NodeJs.NPM_CACHE)) {
      return List.of(leak(run, NodeJs.NPM_CACHE, "npm cache clean --force"));
    }
    if (uses(run, NodeJs::isYarnInstall, "yarn", NodeJs.YARN_CACHE)) {
      return List.of(leak(run, NodeJs.YARN_CACHE, "yarn cache clean"));
    }
    return List.of();
  }

  private static Leak leak(StageRun run, String cache, String clean) {
    return new Leak(
        cache,
        "install at line " + run.line() + " keeps " + cache + " (no '" + clean + "')",
        "clean the cache in the same RUN",
        t -> t.append(clean));
  }

  private static boolean uses(
      StageRun run, java.util.function.Predicate<ShellCommand> install, String tool, String cache) {
    boolean installs = run.run().commands().stream().anyMatch(install);
    boolean cleans =
        run.commandsOf(tool).stream()
            .anyMatch(
                c ->
                    c.arguments().size() >= 2
                        && c.arguments().get(0).equals("cache")
                        && c.arguments().get(1).equals("clean"));
    return installs && !cleans && !run.mountCovers(cache) && !run.removes(cache);
  }
}
