package dev.sizebot.rules;

import dev.sizebot.dockerfile.Dockerfile;
import dev.sizebot.dockerfile.Env;
import dev.sizebot.dockerfile.Instruction;
import dev.sizebot.dockerfile.KeyValue;
import dev.sizebot.dockerfile.Run;
import dev.sizebot.dockerfile.ShellCommand;
import dev.sizebot.dockerfile.Stage;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/** A RUN with the stage it belongs to, and the questions most rules ask about it. */
record StageRun(Dockerfile dockerfile, Stage stage, Run run) {
  /** Every RUN of every stage, in file order. */
  static List<StageRun> all(Dockerfile dockerfile) {
    List<StageRun> runs = new ArrayList<>();
    for (Stage stage : dockerfile.stages()) {
      stage.all(Run.class).forEach(run -> runs.add(new StageRun(dockerfile, stage, run)));
    }
    return runs;
  }

  /**
   * The RUNs whose layers ship: those of the final stage and of the stages it is built FROM. Caches
   * left in a builder stage never reach the image, so size rules look only here.
   */
  static List<StageRun> shipping(Dockerfile dockerfile) {
    Set<Integer> chain = finalChain(dockerfile);
    return all(dockerfile).stream().filter(r -> chain.contains(r.stage().index())).toList();
  }

  /** Indexes of the final stage and its FROM ancestors within this file. */
  static Set<Integer> finalChain(Dockerfile dockerfile) {
    Set<Integer> chain = new HashSet<>();
    Stage stage = dockerfile.finalStage();
    while (chain.add(stage.index())) {
      int before = stage.index();
      Optional<Stage> parent =
          dockerfile.stage(stage.from().image()).filter(p -> p.index() < before);
      if (parent.isEmpty()) {
        break;
      }
      stage = parent.get();
    }
    return chain;
  }

  LineRange lines() {
    return Lines.of(run);
  }

  int line() {
    return run.range().startLine();
  }

  boolean inFinalStage() {
    return stage.index() == dockerfile.stages().size() - 1;
  }

  List<ShellCommand> commandsOf(String program) {
    return run.commandsOf(program);
  }

  /** The editable text of this RUN, when it is a plain shell-form RUN. */
  Optional<RunText> text() {
    return RunText.of(run, dockerfile.escape());
  }

  /** The text a fix edits: the shell-form text, or an exec-form RUN as shell form. */
  Optional<RunText> editable() {
    return text().or(() -> RunText.ofExec(run, dockerfile.escape(), stage.shell()));
  }

  /**
   * A fix that puts {@code edited} in place of this RUN. For shell form it replaces the RUN's
   * lines. Exec form is rewritten as shell form, which runs /bin/sh where the exec form needed
   * none, so that is only proposed: the whole Dockerfile with the RUN rewritten.
   */
  Fix fix(String title, RunText edited) {
    Fix.Replacement replacement = new Fix.Replacement(title, lines(), edited.render());
    if (!run.command().exec()) {
      return replacement;
    }
    return new Fix.Snippet(
        title + " (rewritten in shell form, which needs /bin/sh in the image)",
        Fix.Snippet.DOCKERFILE,
        replacement.applyTo(String.join("\n", dockerfile.lines()) + "\n"));
  }

  /**
   * {@code finding} with a fix that replaces this RUN by {@code edit} of its text; the finding as
   * it is when the RUN has no editable text (heredoc, a non-POSIX SHELL).
   */
  Finding withEdit(Finding finding, String title, UnaryOperator<RunText> edit) {
    // An edit that leaves no command (a lone "apk update" dropped) is not offered as a fix.
    return editable()
        .map(edit)
        .filter(t -> !t.script().isBlank())
        .map(t -> finding.withFix(fix(title, t)))
        .orElse(finding);
  }

  /** Whether a cache or tmpfs mount of this RUN holds {@code path} (or a parent of it). */
  boolean mountCovers(String path) {
    return run.mounts().stream()
        .filter(m -> m.isCache() || m.type().equals("tmpfs"))
        .flatMap(m -> m.target().stream())
        .map(StageRun::trimSlash)
        .anyMatch(t -> path.equals(t) || path.startsWith(t + "/") || t.equals(""));
  }

  /** Whether a later-deleting {@code rm} in this RUN removes {@code dir} or its content. */
  boolean removes(String dir) {
    for (ShellCommand rm : run.commandsOf("rm")) {
      for (String arg : rm.arguments()) {
        String target = trimSlash(arg.replaceAll("/\\*+$", ""));
        if (!arg.startsWith("-") && (target.equals(dir) || dir.startsWith(target + "/"))) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Whether ENV sets {@code name} (to anything but an empty value) before this RUN in its stage, or
   * a command of the RUN is prefixed with it.
   */
  boolean envSet(String name) {
    for (Instruction i : stage.instructions()) {
      if (i.range().startLine() >= line()) {
        break;
      }
      if (i instanceof Env env) {
        for (KeyValue kv : env.pairs()) {
          if (kv.key().equals(name) && !kv.value().isEmpty()) {
            return true;
          }
        }
      }
    }
    return run.commands().stream()
        .flatMap(c -> c.assignments().stream())
        .anyMatch(a -> a.startsWith(name + "=") && a.length() > name.length() + 1);
  }

  static String trimSlash(String path) {
    String p = path;
    while (p.endsWith("/")) {
      p = p.substring(0, p.length() - 1);
    }
    return p;
  }
}
