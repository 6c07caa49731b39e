package dev.sizebot.rules;

import dev.sizebot.dockerfile.Env;
import dev.sizebot.dockerfile.KeyValue;
import dev.sizebot.dockerfile.ShellCommand;
import java.util.ArrayList;
import java.util.List;

/** SB108: {@code npm ci} / {@code npm install} that ships devDependencies. */
final class NpmDevDependencies implements Rule {
  static final RuleInfo INFO =
      new RuleInfo(
          "SB108",
          Severity.WARNING,
          "npm devDependencies installed in the image",
          "npm ci and npm install include devDependencies (bundlers, test tools, type"
              + " definitions) unless told --omit=dev or NODE_ENV=production.",
          List.of());

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(LintInput input) {
    List<Finding> findings = new ArrayList<>();
    List<StageRun> runs = StageRun.shipping(input.dockerfile());
    for (int i = 0; i < runs.size(); i++) {
      StageRun run = runs.get(i);
      if (run.run().commands().stream().noneMatch(NodeJs::isNpmProjectInstallWithDev)
          || production(run)
          || prunedLater(runs.subList(i, runs.size()), run)) {
        continue;
      }
      Finding finding =
          INFO.at(run.lines(), "npm at line " + run.line() + " installs devDependencies");
      boolean builds = run.run().commands().stream().anyMatch(NpmDevDependencies::builds);
      if (!builds && buildsLater(runs.subList(i + 1, runs.size()), run)) {
        // A later RUN builds with the dev tools: omitting them breaks it, and pruning there
        // would leave them in this layer. The fix is a build stage; no exact patch.
        findings.add(
            INFO.at(
                run.lines(),
                "npm at line "
                    + run.line()
                    + " installs devDependencies that a later RUN builds with; build in a separate stage"
                    + " and install with --omit=dev in the runtime stage"));
        continue;
      }
      findings.add(
          run.editable()
              .map(
                  t ->
                      builds
                          // The same RUN builds with the dev tools: prune them after the build
                          // instead.
                          ? t.append("npm prune --omit=dev")
                          : t.withScript(
                              ScriptEdit.addFlagUnless(
                                  t.script(),
                                  "npm",
                                  "ci|clean-install|install|i",
                                  "--omit=dev",
                                  "--omit|--production|--only|--prod")))
              .map(
                  t ->
                      finding.withFix(
                          run.fix(
                              builds ? "prune devDependencies after the build" : "add --omit=dev",
                              t)))
              .orElse(finding));
    }
    return findings;
  }

  private static boolean buildsLater(List<StageRun> later, StageRun run) {
    return later.stream()
        .filter(r -> r.stage() == run.stage())
        .anyMatch(r -> r.run().commands().stream().anyMatch(NpmDevDependencies::builds));
  }

  private static boolean builds(ShellCommand c) {
    return (c.isProgram("npm")
            && c.arguments().stream().findFirst().filter("run"::equals).isPresent())
        || c.isProgram("npx");
  }

  // npm omits devDependencies when NODE_ENV is production.
  private static boolean production(StageRun run) {
    return run.stage().all(Env.class).stream()
            .filter(e -> e.range().startLine() < run.line())
            .flatMap(e -> e.pairs().stream())
            .anyMatch(NpmDevDependencies::isProduction)
        || run.run().commands().stream()
            .flatMap(c -> c.assignments().stream())
            .anyMatch(a -> a.equals("NODE_ENV=production"));
  }

  private static boolean isProduction(KeyValue kv) {
    return kv.key().equals("NODE_ENV") && kv.value().equals("production")
        || kv.key().equalsIgnoreCase("NPM_CONFIG_OMIT") && kv.value().contains("dev")
        || kv.key().equalsIgnoreCase("NPM_CONFIG_PRODUCTION") && kv.value().equals("true");
  }

  private static boolean prunedLater(List<StageRun> from, StageRun run) {
    return from.stream()
        .filter(r -> r.stage() == run.stage())
        .flatMap(r -> r.commandsOf("npm").stream())
        .anyMatch(
            c ->
                c.arguments().stream().findFirst().filter("prune"::equals).isPresent()
                    && (c.hasArgument("--omit") || c.hasArgument("--production")));
  }
}
