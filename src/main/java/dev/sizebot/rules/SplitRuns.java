package dev.sizebot.rules;

import dev.sizebot.dockerfile.ShellCommand;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * SB112: two adjacent RUNs that only make sense together — a download and the step that unpacks or
 * runs it, or two installs of the same package format (two apt-gets; dnf then yum, which on current
 * RHEL and Fedora is dnf under another name).
 */
final class SplitRuns implements Rule {
  static final RuleInfo INFO =
      new RuleInfo(
          "SB112",
          Severity.INFO,
          "adjacent RUNs that belong together",
          "A download kept in its own layer ships the archive next to what was unpacked from it;"
              + " package installs split over RUNs repeat the manager's metadata per layer. One"
              + " RUN can clean up after itself.",
          List.of("DL3059"));

  private static final Set<String> RPM = Set.of("dnf", "yum", "microdnf", "zypper");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(LintInput input) {
    List<Finding> findings = new ArrayList<>();
    List<StageRun> runs = StageRun.shipping(input.dockerfile());
    for (int i = 0; i + 1 < runs.size(); i++) {
      StageRun first = runs.get(i);
      StageRun second = runs.get(i + 1);
      if (!adjacent(first, second)) {
        continue;
      }
      Optional<String> download = download(first).filter(f -> uses(second, f));
      Optional<Installer> a = installer(first);
      Optional<Installer> b = installer(second);
      boolean sameFormat =
          a.isPresent() && b.isPresent() && a.get().format().equals(b.get().format());
      if (download.isEmpty() && !sameFormat) {
        continue;
      }
      if (download.isPresent() && removes(second, download.get())) {
        continue; // SB110 reports the deletion in the later layer
      }
      String why =
          download.isPresent()
              ? "line "
                  + first.line()
                  + " downloads "
                  + download.get()
                  + " and line "
                  + second.line()
                  + " uses it"
              : "lines " + first.line() + " and " + second.line() + " " + a.get().both(b.get());
      Finding finding = INFO.at(new LineRange(first.lines().start(), second.lines().end()), why);
      findings.add(merge(first, second, download).map(finding::withFix).orElse(finding));
      i++; // the pair is reported once
    }
    return findings;
  }

  private static boolean adjacent(StageRun a, StageRun b) {
    if (a.stage() != b.stage()) {
      return false;
    }
    List<dev.sizebot.dockerfile.Instruction> all = a.stage().instructions();
    for (int i = 0; i + 1 < all.size(); i++) {
      if (all.get(i) == a.run()) {
        return all.get(i + 1) == b.run(); // identity: records compare deeply
      }
    }
    return false;
  }

  /** The file a RUN downloads with curl -o/-O or wget, when it names one. */
  static Optional<String> download(StageRun run) {
    for (ShellCommand c : run.run().commands()) {
      List<String> args = c.arguments();
      for (int i = 0; i < args.size(); i++) {
        String a = args.get(i);
        boolean output =
            c.isProgram("curl") && (a.equals("-o") || a.equals("--output"))
                || c.isProgram("wget") && (a.equals("-O") || a.equals("--output-document"));
        if (output && i + 1 < args.size() && !args.get(i + 1).equals("-")) {
          return Optional.of(args.get(i + 1));
        }
      }
      if (c.isProgram("wget")
          && args.stream().noneMatch(a -> a.startsWith("-O") || a.startsWith("-q"))) {
        Optional<String> url = args.stream().filter(a -> a.contains("://")).findFirst();
        if (url.isPresent()) {
          String u = url.get();
          return Optional.of(u.substring(u.lastIndexOf('/') + 1));
        }
      }
    }
    return Optional.empty();
  }

  private static boolean uses(StageRun run, String file) {
    return run.run().commands().stream()
        .flatMap(c -> c.arguments().stream())
        .anyMatch(a -> a.equals(file) || a.endsWith("/" + file) || file.endsWith("/" + a));
  }

  private static boolean removes(StageRun run, String file) {
    return run.commandsOf("rm").stream()
        .flatMap(c -> c.arguments().stream())
        .anyMatch(a -> a.equals(file) || file.endsWith("/" + a) || a.endsWith("/" + file));
  }

  /** A package install: the program as written (apt-get, dnf …) and the package format. */
  private record Installer(String program, String format) {
    /** What two installs have in common, naming the programs when they differ. */
    String both(Installer other) {
      return program.equals(other.program)
          ? "both install with " + program
          : "both install " + format + " packages (" + program + ", then " + other.program + ")";
    }
  }

  private static Optional<Installer> installer(StageRun run) {
    for (ShellCommand c : run.run().commands()) {
      String program = c.program().map(Python::baseName).orElse("");
      if (Apt.isInstall(c)) {
        return Optional.of(new Installer(program, "deb"));
      }
      if (c.isProgram("apk") && c.arguments().contains("add")) {
        return Optional.of(new Installer(program, "apk"));
      }
      if (RPM.contains(program) && c.arguments().contains("install")) {
        return Optional.of(new Installer(program, "rpm"));
      }
    }
    return Optional.empty();
  }

  private static Optional<Fix> merge(StageRun first, StageRun second, Optional<String> download) {
    Optional<RunText> a = first.text();
    Optional<RunText> b = second.text();
    if (a.isEmpty()
        || b.isEmpty()
        || b.get().hasFlags() && !b.get().head().equals(a.get().head())) {
      return Optional.empty();
    }
    RunText merged = a.get().merge(b.get());
    if (download.isPresent()) {
      merged = merged.append("rm -f " + download.get());
    }
    return Optional.of(
        new Fix.Replacement(
            download.isPresent() ? "download, use and delete in one RUN" : "install in one RUN",
            new LineRange(first.lines().start(), second.lines().end()),
            merged.render()));
  }
}
