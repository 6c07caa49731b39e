package dev.sizebot.rules;

import dev.sizebot.dockerfile.ShellCommand;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Dependency installers and the files their install reads: what SB202 copies before the rest of the
 * context so the install layer stays cached until a lock file changes.
 *
 * @param name how the message names the tool
 * @param installs the commands that install dependencies
 * @param manifests files the install needs; the first one must exist, later ones may be optional
 *     lock files
 * @param depsStep a command that only fetches dependencies, when the matched RUN also builds the
 *     project (go, maven, cargo) and so must run again after the full copy
 * @param skipProject flag for the early install so it does not need the project's own source
 */
record DependencyManifests(
    String name,
    Predicate<ShellCommand> installs,
    List<String> manifests,
    Optional<String> depsStep,
    Optional<String> skipProject) {

  static final List<DependencyManifests> ALL =
      List.of(
          new DependencyManifests(
              "uv",
              c -> Python.isUv(c, "sync"),
              List.of("pyproject.toml", "uv.lock"),
              Optional.empty(),
              Optional.of("--no-install-project")),
          new DependencyManifests(
              "poetry",
              c -> c.isProgram("poetry") && c.arguments().contains("install"),
              List.of("pyproject.toml", "poetry.lock"),
              Optional.empty(),
              Optional.of("--no-root")),
          new DependencyManifests(
              "npm",
              NodeJs::isNpmProjectInstall,
              List.of("package.json", "package-lock.json", "npm-shrinkwrap.json"),
              Optional.empty(),
              Optional.empty()),
          new DependencyManifests(
              "yarn",
              NodeJs::isYarnInstall,
              List.of("package.json", "yarn.lock"),
              Optional.empty(),
              Optional.empty()),
          new DependencyManifests(
              "pnpm",
              c ->
                  c.isProgram("pnpm")
                      && List.of("install", "i")
                          .containsAll(c.arguments().stream().limit(1).toList())
                      && !c.arguments().isEmpty(),
              List.of("package.json", "pnpm-lock.yaml"),
              Optional.empty(),
              Optional.empty()),
          new DependencyManifests(
              "go",
              c ->
                  c.isProgram("go")
                      && !c.arguments().isEmpty()
                      && List.of("build", "install", "mod", "test", "generate", "vet")
                          .contains(c.arguments().get(0)),
              List.of("go.mod", "go.sum"),
              Optional.of("go mod download"),
              Optional.empty()),
          new DependencyManifests(
              "maven",
              c -> c.isProgram("mvn") || c.isProgram("mvnw"),
              List.of("pom.xml"),
              Optional.of("mvn -B dependency:go-offline"),
              Optional.empty()),
          new DependencyManifests(
              "bundler",
              c -> c.isProgram("bundle") && c.arguments().contains("install"),
              List.of("Gemfile", "Gemfile.lock"),
              Optional.empty(),
              Optional.empty()),
          new DependencyManifests(
              "cargo",
              c ->
                  c.isProgram("cargo")
                      && !c.arguments().isEmpty()
                      && List.of("build", "install", "fetch").contains(c.arguments().get(0)),
              List.of("Cargo.toml", "Cargo.lock"),
              // cargo needs a target to read the manifest; a stub main is overwritten by the copy.
              Optional.of("mkdir -p src && echo 'fn main() {}' > src/main.rs && cargo fetch"),
              Optional.empty()),
          new DependencyManifests(
              "composer",
              c -> c.isProgram("composer") && c.arguments().contains("install"),
              List.of("composer.json", "composer.lock"),
              Optional.empty(),
              Optional.empty()));

  /** pip installs read the requirement files they name; {@code pip install .} needs it all. */
  static Optional<DependencyManifests> pip(ShellCommand c) {
    if (!Python.isPipInstall(c)) {
      return Optional.empty();
    }
    List<String> args = Python.pipArguments(c);
    List<String> files = new ArrayList<>();
    for (int i = 1; i < args.size(); i++) { // args.get(0) is "install"
      String a = args.get(i);
      if ((a.equals("-r")
              || a.equals("--requirement")
              || a.equals("-c")
              || a.equals("--constraint"))
          && i + 1 < args.size()) {
        files.add(args.get(++i));
      } else if (a.startsWith("--requirement=") || a.startsWith("--constraint=")) {
        files.add(a.substring(a.indexOf('=') + 1));
      } else if (a.startsWith("-r") && a.length() > 2) {
        files.add(a.substring(2));
      } else if (!a.startsWith("-")) {
        return Optional.empty(); // a package, ".", or a path: not only requirement files
      }
    }
    return files.isEmpty()
        ? Optional.empty()
        : Optional.of(
            new DependencyManifests("pip", x -> true, files, Optional.empty(), Optional.empty()));
  }
}
