package dev.sizebot.rules;

import dev.sizebot.dockerfile.ShellCommand;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** SB109: npm or yarn installs that leave their package cache in the layer. */
final class NodeCacheLeft implements Rule {
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
  public List<Finding> check(LintInput input) {
    List<Finding> findings = new ArrayList<>();
    for (StageRun run : StageRun.shipping(input.dockerfile())) {
      Optional<String> clean = Optional.empty();
      String cache = "";
      if (uses(run, NodeJs::isNpmProjectInstall, "npm", NodeJs.NPM_CACHE)) {
        clean = Optional.of("npm cache clean --force");
        cache = NodeJs.NPM_CACHE;
      } else if (uses(run, NodeJs::isYarnInstall, "yarn", NodeJs.YARN_CACHE)) {
        clean = Optional.of("yarn cache clean");
        cache = NodeJs.YARN_CACHE;
      }
      if (clean.isEmpty()) {
        continue;
      }
      String command = clean.get();
      Finding finding =
          INFO.at(
              run.lines(),
              "install at line " + run.line() + " keeps " + cache + " (no '" + command + "')");
      Finding fixed =
          run.text()
              .map(
                  t ->
                      finding.withFix(
                          new Fix.Replacement(
                              "clean the cache in the same RUN",
                              run.lines(),
                              t.append(command).render())))
              .orElse(finding);
      findings.add(Proof.bytesUnder(fixed, input.evidence(), run.line(), cache));
    }
    return findings;
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
