package dev.sizebot.rules;

import dev.sizebot.dockerfile.Arg;
import dev.sizebot.dockerfile.Cmd;
import dev.sizebot.dockerfile.Dockerfile;
import dev.sizebot.dockerfile.Entrypoint;
import dev.sizebot.dockerfile.Env;
import dev.sizebot.dockerfile.Expose;
import dev.sizebot.dockerfile.From;
import dev.sizebot.dockerfile.Healthcheck;
import dev.sizebot.dockerfile.Instruction;
import dev.sizebot.dockerfile.Label;
import dev.sizebot.dockerfile.Run;
import dev.sizebot.dockerfile.ShellCommand;
import dev.sizebot.dockerfile.Stage;
import dev.sizebot.dockerfile.StopSignal;
import dev.sizebot.dockerfile.User;
import dev.sizebot.dockerfile.Volume;
import dev.sizebot.dockerfile.Workdir;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites a single-stage Dockerfile as build + runtime stages: the build stage is the original
 * (without its runtime-only settings); the runtime stage starts from a runtime base, repeats the
 * environment, installs the non-build packages and the runtime libraries of the -dev packages (with
 * a comment naming them), copies the installed result and the app directory, and ends with the
 * original USER/EXPOSE/CMD/ENTRYPOINT.
 */
final class MultiStageRewrite {
  private static final Pattern JDK_VERSION = Pattern.compile("(?:temurin-|jdk-?)(\\d+)");

  private MultiStageRewrite() {}

  static String of(Dockerfile dockerfile) {
    Stage stage = dockerfile.finalStage();
    List<String> out =
        new ArrayList<>(dockerfile.lines().subList(0, stage.from().range().startLine() - 1));
    String build = stage.name().orElse("build");
    out.add(stage.name().isPresent() ? stage.from().text() : stage.from().text() + " AS build");
    for (Instruction in : stage.instructions()) {
      if (!runtimeOnly(in)) {
        out.add(in.text());
      }
    }
    out.add("");
    out.add("FROM " + runtimeBase(stage.from()));
    for (Instruction in : stage.instructions()) {
      if (in instanceof Env || in instanceof Arg || in instanceof Workdir || createsUser(in)) {
        out.add(in.text());
      }
    }
    out.addAll(runtimeInstall(stage));
    for (String dir : copied(stage)) {
      out.add("COPY --from=" + build + " " + dir + " " + dir);
    }
    for (Instruction in : stage.instructions()) {
      if (runtimeOnly(in)) {
        out.add(in.text());
      }
    }
    return String.join("\n", out) + "\n";
  }

  /**
   * The runtime stage's package install: the build's packages that are not build tools, and the
   * runtime libraries of its -dev packages, which a comment names (the program links them).
   */
  private static List<String> runtimeInstall(Stage stage) {
    List<String> packages = new ArrayList<>();
    String manager = "";
    for (Run run : stage.all(Run.class)) {
      for (ShellCommand c : run.commands()) {
        List<String> installed = Toolchain.installedPackages(c);
        installed.stream().filter(p -> !Toolchain.isToolPackage(p)).forEach(packages::add);
        if (!installed.isEmpty()) {
          manager = c.isProgram("apk") ? "apk" : Apt.isApt(c) ? "apt" : manager;
        }
      }
    }
    List<String> out = new ArrayList<>();
    RuntimeLibraries libraries = RuntimeLibraries.of(stage);
    if (!libraries.isEmpty()) {
      out.add("# runtime libraries for the build stage's -dev packages: " + libraries.describe());
      packages.addAll(libraries.known());
    }
    installLine(manager, packages).ifPresent(out::add);
    return out;
  }

  private static boolean runtimeOnly(Instruction in) {
    return in instanceof Cmd
        || in instanceof Entrypoint
        || in instanceof Expose
        || in instanceof Healthcheck
        || in instanceof User
        || in instanceof StopSignal
        || in instanceof Volume
        || in instanceof Label;
  }

  // The runtime stage needs the users the build created for its USER.
  private static boolean createsUser(Instruction in) {
    return in instanceof Run run
        && !run.commands().isEmpty()
        && run.commands().stream()
            .allMatch(
                c ->
                    c.isProgram("useradd")
                        || c.isProgram("groupadd")
                        || c.isProgram("adduser")
                        || c.isProgram("addgroup"));
  }

  private static Optional<String> installLine(String manager, List<String> packages) {
    if (packages.isEmpty()) {
      return Optional.empty();
    }
    String list = String.join(" ", new LinkedHashSet<>(packages));
    return switch (manager) {
      case "apt" ->
          Optional.of(
              "RUN apt-get update \\\n"
                  + "    && apt-get install -y --no-install-recommends "
                  + list
                  + " \\\n"
                  + "    && rm -rf /var/lib/apt/lists/*");
      case "apk" -> Optional.of("RUN apk add --no-cache " + list);
      default -> Optional.empty();
    };
  }

  /** What the runtime stage copies: installed packages and the app directory. */
  private static List<String> copied(Stage stage) {
    Set<String> dirs = new LinkedHashSet<>();
    String name = ImageName.parse(stage.from().image()).official().orElse("");
    boolean python =
        name.equals("python")
            || !stage.all(Run.class).stream()
                .flatMap(r -> r.commands().stream())
                .filter(c -> Python.isPipInstall(c) || c.isProgram("poetry") || c.isProgram("uv"))
                .toList()
                .isEmpty();
    if (python) {
      dirs.add("/usr/local"); // the interpreter's site-packages and console scripts
    }
    String workdir = "/";
    for (Instruction in : stage.instructions()) {
      if (in instanceof Workdir w) {
        workdir = Paths.resolve(workdir, w.path());
      }
    }
    if (!workdir.equals("/")) {
      dirs.add(workdir);
    }
    if (dirs.isEmpty()) {
      dirs.add("/usr/local");
    }
    return List.copyOf(dirs);
  }

  static String runtimeBase(From from) {
    ImageName image = ImageName.parse(from.image());
    String name = image.official().orElse("");
    String tag = image.tag().orElse("latest");
    if (name.equals("golang") || name.equals("rust")) {
      return "debian:bookworm-slim";
    }
    if (name.equals("maven") || name.equals("gradle") || Toolchain.JDK_IMAGES.contains(name)) {
      Matcher jdk = JDK_VERSION.matcher(tag);
      String version =
          jdk.find()
              ? jdk.group(1)
              : !name.equals("maven") && !name.equals("gradle") && tag.matches("\\d+.*")
                  ? tag.replaceAll("\\D.*$", "")
                  : "21";
      return "eclipse-temurin:" + version + "-jre";
    }
    return SlimBaseImage.slimTag(name, tag).map(image::withTag).orElse(from.image());
  }
}
