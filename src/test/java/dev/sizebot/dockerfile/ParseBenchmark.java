package dev.sizebot.dockerfile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code bench/parse}: parses 1,000 Dockerfiles (the valid corpus, varied so no two are equal) in
 * one fresh JVM and prints the total time. The first pass is what a CLI run pays (cold JIT), so it
 * is the headline; a second pass shows the warmed-up cost.
 */
public final class ParseBenchmark {
  private ParseBenchmark() {}

  public static void main(String[] args) throws IOException {
    int count = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    Path dir = Path.of(args.length > 1 ? args[1] : "src/test/resources/dockerfiles");
    List<String> inputs = inputs(dir, count);
    long lines = inputs.stream().mapToLong(s -> s.lines().count()).sum();
    long bytes = inputs.stream().mapToLong(String::length).sum();
    for (String pass : new String[] {"cold", "warm"}) {
      long start = System.nanoTime();
      long instructions = 0;
      for (int i = 0; i < inputs.size(); i++) {
        instructions += Dockerfile.parse(inputs.get(i), "bench-" + i).instructions().size();
      }
      double ms = (System.nanoTime() - start) / 1e6;
      System.out.printf(
          "parse %s: %d Dockerfiles, %d lines, %d KiB, %d instructions in %.0f ms (%.3f ms each)%n",
          pass, inputs.size(), lines, bytes / 1024, instructions, ms, ms / inputs.size());
    }
  }

  /** The valid corpus files, repeated with a varying tag and an extra RUN to make each unique. */
  static List<String> inputs(Path dir, int count) throws IOException {
    List<String> corpus = new ArrayList<>();
    List<Character> escapes = new ArrayList<>();
    try (var files = Files.list(dir)) {
      for (Path p : files.sorted().toList()) {
        String name = p.getFileName().toString();
        if (name.endsWith(".Dockerfile") && !name.startsWith("e")) {
          corpus.add(Files.readString(p));
          escapes.add(Dockerfile.parse(corpus.get(corpus.size() - 1), name).escape());
        }
      }
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String base = corpus.get(i % corpus.size());
      char escape = escapes.get(i % corpus.size());
      out.add(
          base
              + "\nRUN echo build-"
              + i
              + " && apt-get install -y --no-install-recommends pkg"
              + i
              + " "
              + escape
              + "\n  && rm -rf /var/lib/apt/lists/*\nLABEL run.index=\""
              + i
              + "\"\n");
    }
    return out;
  }
}
