package dev.sizebot.bench;

import dev.sizebot.common.SizebotException;
import dev.sizebot.dockerfile.Dockerfile;
import dev.sizebot.rules.LintInput;
import dev.sizebot.rules.Rule;
import dev.sizebot.rules.RuleSet;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * {@code bench/lint}: parse + every static rule over 1,000 Dockerfiles in one JVM. The corpus is
 * the parser's test corpus (those that parse) topped up with generated files; the first pass is the
 * cold figure a CLI run sees, later passes show the warmed-up cost.
 */
public final class LintBench {
  private LintBench() {}

  public static void main(String[] args) throws IOException {
    int count = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    Path corpusDir = Path.of(args.length > 1 ? args[1] : "src/test/resources/dockerfiles");
    List<String> corpus = corpus(corpusDir, count);
    long bytes = corpus.stream().mapToLong(String::length).sum();
    long lines = corpus.stream().mapToLong(s -> s.lines().count()).sum();
    RuleSet rules = RuleSet.standard();
    System.out.printf(
        Locale.ROOT,
        "corpus: %d Dockerfiles, %d lines, %d kB; %d rules%n",
        corpus.size(),
        lines,
        bytes / 1000,
        rules.infos().size());
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    for (int pass = 1; pass <= 3; pass++) {
      long cpuStart = threads.getCurrentThreadCpuTime();
      long parseNanos = 0;
      long ruleNanos = 0;
      int findings = 0;
      for (String text : corpus) {
        long t0 = System.nanoTime();
        Dockerfile parsed = Dockerfile.parse(text, "Dockerfile");
        long t1 = System.nanoTime();
        findings += rules.lint(LintInput.of(parsed), "Dockerfile", Set.of()).findings().size();
        parseNanos += t1 - t0;
        ruleNanos += System.nanoTime() - t1;
      }
      double ms = (parseNanos + ruleNanos) / 1e6;
      double cpu = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e6;
      System.out.printf(
          Locale.ROOT,
          "pass %d (%s): %.0f ms wall (parse %.0f, rules %.0f), %.0f ms CPU of this thread,"
              + " %.0f us wall per Dockerfile, %d findings%n",
          pass,
          pass == 1 ? "cold JVM" : "warm",
          ms,
          parseNanos / 1e6,
          ruleNanos / 1e6,
          cpu,
          ms * 1000 / corpus.size(),
          findings);
    }
    perRule(corpus, rules, threads);
  }

  // Where the rule time goes (CPU of this thread, warm), to keep an eye on the expensive ones.
  private static void perRule(List<String> corpus, RuleSet rules, ThreadMXBean threads) {
    List<LintInput> inputs =
        corpus.stream().map(t -> LintInput.of(Dockerfile.parse(t, "Dockerfile"))).toList();
    StringBuilder line = new StringBuilder("rules, warm CPU ms over the corpus:");
    for (Rule rule : rules.rules()) {
      long start = threads.getCurrentThreadCpuTime();
      inputs.forEach(rule::check);
      line.append(
          String.format(
              Locale.ROOT,
              " %s=%.0f",
              rule.info().id(),
              (threads.getCurrentThreadCpuTime() - start) / 1e6));
    }
    System.out.println(line);
  }

  private static List<String> corpus(Path dir, int count) throws IOException {
    List<String> files = new ArrayList<>();
    if (Files.isDirectory(dir)) {
      try (Stream<Path> list = Files.list(dir)) {
        for (Path p : list.filter(f -> f.toString().endsWith(".Dockerfile")).sorted().toList()) {
          String text = Files.readString(p);
          if (parses(text)) {
            files.add(text);
          }
        }
      }
    }
    files.addAll(LintCorpus.generate(Math.max(0, count - files.size()), 42));
    return files.subList(0, Math.min(count, files.size()));
  }

  private static boolean parses(String text) {
    try {
      Dockerfile.parse(text, "Dockerfile");
      return true;
    } catch (SizebotException e) {
      return false;
    }
  }
}
