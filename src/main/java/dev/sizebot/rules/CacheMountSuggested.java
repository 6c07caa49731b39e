package dev.sizebot.rules;

import dev.sizebot.dockerfile.Add;
import dev.sizebot.dockerfile.Copy;
import dev.sizebot.dockerfile.Dockerfile;
import dev.sizebot.dockerfile.Instruction;
import dev.sizebot.dockerfile.Run;
import dev.sizebot.dockerfile.ShellCommand;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** SB203: a BuildKit Dockerfile whose package downloads could use a cache mount. */
final class CacheMountSuggested implements Rule {
  static final RuleInfo INFO =
      new RuleInfo(
          "SB203",
          Severity.INFO,
          "package cache could use a BuildKit cache mount",
          "This Dockerfile already uses BuildKit features; a --mount=type=cache keeps the package"
              + " manager's cache between builds without shipping it, so rebuilds download less"
              + " (use it instead of --no-cache-dir / --no-cache).",
          List.of());

  /**
   * A tool, how to recognise its install, its cache directories (a mount of any one counts; the fix
   * mounts the first) and the opt-out flag to drop.
   */
  private record Tool(
      String name, Predicate<ShellCommand> installs, List<String> caches, String optOut) {}

  private static final List<Tool> TOOLS =
      List.of(
          new Tool("pip", c -> Python.isPipInstall(c), List.of(Python.PIP_CACHE), "--no-cache-dir"),
          new Tool(
              "uv",
              c -> Python.isUv(c, "sync") || Python.isUv(c, "pip install"),
              List.of(Python.UV_CACHE),
              "--no-cache"),
          new Tool("npm", NodeJs::isNpmProjectInstall, List.of(NodeJs.NPM_CACHE), ""),
          new Tool(
              "go",
              c ->
                  c.isProgram("go")
                      && !c.arguments().isEmpty()
                      && List.of("build", "install", "mod").contains(c.arguments().get(0)),
              List.of("/go/pkg/mod", "/root/.cache/go-build"),
              ""),
          new Tool("maven", c -> c.isProgram("mvn"), List.of("/root/.m2"), ""));

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(LintInput input) {
    if (!usesBuildKit(input.dockerfile())) {
      return List.of();
    }
    List<Finding> findings = new ArrayList<>();
    for (StageRun run : StageRun.all(input.dockerfile())) {
      Map<String, Tool> missing = new LinkedHashMap<>();
      for (Tool tool : TOOLS) {
        boolean used = run.run().commands().stream().anyMatch(tool.installs());
        boolean cleaned =
            run.commandsOf(tool.name()).stream()
                .anyMatch(c -> c.arguments().contains("cache") && c.arguments().contains("clean"));
        if (used && !cleaned && tool.caches().stream().noneMatch(run::mountCovers)) {
          missing.put(tool.caches().get(0), tool);
        }
      }
      if (missing.isEmpty()) {
        continue;
      }
      String names = String.join(", ", missing.values().stream().map(Tool::name).toList());
      Finding finding =
          INFO.at(
              run.lines(),
              names + " at line " + run.line() + " could keep its cache in a BuildKit cache mount");
      findings.add(run.editable().map(t -> finding.withFix(fix(run, t, missing))).orElse(finding));
    }
    return findings;
  }

  private static Fix fix(StageRun run, RunText text, Map<String, Tool> missing) {
    StringBuilder mounts = new StringBuilder();
    String script = text.script();
    for (Map.Entry<String, Tool> e : missing.entrySet()) {
      mounts.append(" --mount=type=cache,target=").append(e.getKey());
      if (!e.getValue().optOut().isEmpty()) {
        script = ScriptEdit.removeWord(script, e.getValue().optOut());
      }
    }
    String head = text.head();
    int keyword = head.toUpperCase(java.util.Locale.ROOT).indexOf("RUN") + 3;
    String newHead = head.substring(0, keyword) + mounts + head.substring(keyword);
    return run.fix("add a cache mount", text.withHead(newHead).withScript(script));
  }

  /** A syntax directive, a RUN --mount, a heredoc, or a COPY/ADD flag only BuildKit knows. */
  static boolean usesBuildKit(Dockerfile dockerfile) {
    if (dockerfile.directive("syntax").isPresent()) {
      return true;
    }
    for (Instruction in : dockerfile.instructions()) {
      if (in instanceof Run run && !run.mounts().isEmpty() || !in.node().heredocs().isEmpty()) {
        return true;
      }
      if ((in instanceof Copy || in instanceof Add)
          && in.flags().stream()
              .anyMatch(
                  f ->
                      f.startsWith("--link")
                          || f.startsWith("--chmod")
                          || f.startsWith("--exclude")
                          || f.startsWith("--parents"))) {
        return true;
      }
    }
    return false;
  }
}
