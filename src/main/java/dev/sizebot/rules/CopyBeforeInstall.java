package dev.sizebot.rules;

import dev.sizebot.dockerfile.Add;
import dev.sizebot.dockerfile.Copy;
import dev.sizebot.dockerfile.Instruction;
import dev.sizebot.dockerfile.Run;
import dev.sizebot.dockerfile.ShellCommand;
import dev.sizebot.dockerfile.Stage;
import dev.sizebot.dockerfile.Workdir;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** SB202: the whole context is copied before the dependency install, so any edit re-installs. */
final class CopyBeforeInstall implements Rule {
  static final RuleInfo INFO =
      new RuleInfo(
          "SB202",
          Severity.WARNING,
          "whole context copied before the dependency install",
          "COPY . changes whenever any file changes, which invalidates the cache of every later"
              + " step: each commit re-downloads all dependencies. Copy the lock files first,"
              + " install, then copy the rest.",
          List.of());

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(LintInput input) {
    List<Finding> findings = new ArrayList<>();
    for (Stage stage : input.dockerfile().stages()) {
      check(input, stage).ifPresent(findings::add);
    }
    return findings;
  }

  private static Optional<Finding> check(LintInput input, Stage stage) {
    Set<String> copiedEarly = new HashSet<>();
    Instruction wholeCopy = null;
    List<Instruction> between = new ArrayList<>();
    for (Instruction in : stage.instructions()) {
      if (wholeCopy == null) {
        if (Context.isWholeContext(in)) {
          wholeCopy = in;
        } else {
          Context.localSources(in).forEach(s -> copiedEarly.add(baseName(s)));
        }
        continue;
      }
      if (in instanceof Run run) {
        Optional<DependencyManifests> manager = installer(run, copiedEarly);
        if (manager.isPresent()) {
          return Optional.of(finding(input, wholeCopy, between, run, manager.get()));
        }
      }
      between.add(in);
    }
    return Optional.empty();
  }

  private static Optional<DependencyManifests> installer(Run run, Set<String> copiedEarly) {
    for (ShellCommand c : run.commands()) {
      Optional<DependencyManifests> m = DependencyManifests.pip(c);
      if (m.isEmpty()) {
        m = DependencyManifests.ALL.stream().filter(d -> d.installs().test(c)).findFirst();
      }
      if (m.isPresent() && !copiedEarly.contains(baseName(m.get().manifests().get(0)))) {
        return m;
      }
    }
    return Optional.empty();
  }

  private static Finding finding(
      LintInput input,
      Instruction copy,
      List<Instruction> between,
      Run run,
      DependencyManifests manager) {
    LineRange lines = Lines.span(copy, run);
    Finding finding =
        INFO.at(
            lines,
            "line "
                + copy.range().startLine()
                + " copies the whole context before the "
                + manager.name()
                + " install at line "
                + run.range().startLine());
    return fix(input, copy, between, run, manager, lines).map(finding::withFix).orElse(finding);
  }

  private static Optional<Fix> fix(
      LintInput input,
      Instruction copy,
      List<Instruction> between,
      Run run,
      DependencyManifests manager,
      LineRange lines) {
    boolean safeBetween =
        between.stream()
            .noneMatch(
                i ->
                    i instanceof Run
                        || i instanceof Copy
                        || i instanceof Add
                        || i instanceof Workdir);
    Optional<RunText> runText = RunText.of(run, input.dockerfile().escape());
    List<String> files = files(input, manager);
    if (!safeBetween || runText.isEmpty() || files.isEmpty()) {
      return Optional.empty();
    }
    String destination = destination(copy);
    List<String> out = new ArrayList<>();
    copyLines(copy, files, destination).forEach(out::add);
    between.forEach(i -> out.add(i.text()));
    RunText install = runText.get();
    boolean again = manager.depsStep().isPresent();
    if (manager.depsStep().isPresent()) {
      out.add("RUN " + manager.depsStep().get());
    } else if (manager.skipProject().isPresent()
        && !install.script().contains(manager.skipProject().get())) {
      String flag = manager.skipProject().get();
      String verb = manager.name().equals("uv") ? "sync" : "install";
      out.add(
          install
              .withScript(ScriptEdit.addFlag(install.script(), manager.name(), verb, flag))
              .render());
      again = true;
    } else {
      out.add(install.render());
    }
    out.add(copy.text());
    if (again) {
      out.add(install.render());
    }
    return Optional.of(
        new Fix.Replacement(
            "copy the " + manager.name() + " manifests first, install, then copy the rest",
            lines,
            String.join("\n", out)));
  }

  // Named requirement files must exist; otherwise keep the manifests the context has, or, when
  // the context is unknown, make the lock files optional with a wildcard (COPY needs one match).
  private static List<String> files(LintInput input, DependencyManifests manager) {
    List<String> manifests = manager.manifests();
    if (manager.name().equals("pip")) {
      return manifests;
    }
    if (input.contextEntries().isPresent()) {
      Set<String> present = input.contextEntries().get();
      return present.contains(manifests.get(0))
          ? manifests.stream().filter(present::contains).toList()
          : List.of();
    }
    List<String> files = new ArrayList<>();
    files.add(manifests.get(0));
    manifests.stream().skip(1).map(m -> m + "*").forEach(files::add);
    return files;
  }

  private static List<String> copyLines(Instruction copy, List<String> files, String destination) {
    Map<String, List<String>> byDirectory = new LinkedHashMap<>();
    for (String file : files) {
      int slash = file.lastIndexOf('/');
      String dir = slash < 0 ? "" : file.substring(0, slash + 1);
      byDirectory.computeIfAbsent(dir, d -> new ArrayList<>()).add(file);
    }
    String flags = copy.flags().isEmpty() ? "" : String.join(" ", copy.flags()) + " ";
    List<String> lines = new ArrayList<>();
    byDirectory.forEach(
        (dir, group) ->
            lines.add("COPY " + flags + String.join(" ", group) + " " + destination + dir));
    return lines;
  }

  private static String destination(Instruction copy) {
    String dest = copy instanceof Copy c ? c.destination() : ((Add) copy).destination();
    if (dest.equals(".")) {
      return "./";
    }
    return dest.endsWith("/") ? dest : dest + "/";
  }

  private static String baseName(String path) {
    return path.substring(path.lastIndexOf('/') + 1);
  }
}
