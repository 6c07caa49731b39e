package dev.sizebot.rules;

import dev.sizebot.common.ByteSize;
import dev.sizebot.common.UnixPath;
import dev.sizebot.dockerfile.Add;
import dev.sizebot.dockerfile.Copy;
import dev.sizebot.dockerfile.Instruction;
import dev.sizebot.dockerfile.Run;
import dev.sizebot.dockerfile.Stage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The files one instruction's layer ships that one later instruction made dead, as the image shows
 * them (SB117 and SB118 read these). Only instructions whose layers are in the image count: the
 * final stage and the stages it is built FROM; base-image layers map to no line, so what the base
 * image wastes is never blamed on the Dockerfile.
 *
 * @param remover the instruction whose layer made them dead, when its layer maps to one
 * @param files largest first
 */
record LaterWaste(
    Stage stage, Instruction adder, Optional<Instruction> remover, List<DeadFile> files) {
  /** How many removed paths a message names. */
  static final int NAMED = 3;

  LaterWaste {
    Objects.requireNonNull(stage, "stage");
    Objects.requireNonNull(adder, "adder");
    Objects.requireNonNull(remover, "remover");
    files = List.copyOf(files);
  }

  /** Per layer-making instruction of the shipping stages, per later remover: the dead files. */
  static List<LaterWaste> of(LintInput input, Predicate<DeadFile> kind) {
    List<LaterWaste> all = new ArrayList<>();
    Set<Integer> shipping = StageRun.finalChain(input.dockerfile());
    for (Stage stage : input.dockerfile().stages()) {
      if (!shipping.contains(stage.index())) {
        continue;
      }
      for (Instruction adder : stage.instructions()) {
        if (!(adder instanceof Run || adder instanceof Copy || adder instanceof Add)) {
          continue;
        }
        Map<Optional<Integer>, List<DeadFile>> byRemover = new LinkedHashMap<>();
        for (DeadFile file : input.evidence().deadFilesOf(adder.range().startLine())) {
          if (kind.test(file)) {
            byRemover.computeIfAbsent(file.removedAt(), k -> new ArrayList<>()).add(file);
          }
        }
        byRemover.forEach(
            (line, files) ->
                all.add(new LaterWaste(stage, adder, line.flatMap(l -> at(input, l)), files)));
      }
    }
    return all;
  }

  private static Optional<Instruction> at(LintInput input, int line) {
    return input.dockerfile().instructions().stream()
        .filter(i -> i.range().startLine() == line)
        .findFirst();
  }

  /**
   * The finding on the step that wrote the files: "the COPY at line 4 adds files that line 6
   * deletes: …", sized by the bytes still shipped, with {@code fix} or else {@code advice}.
   *
   * @param writes what the step did ({@code adds}, {@code writes}); {@code written} in the
   *     evidence's past tense ({@code added}, {@code written})
   * @param undoes what the later step did ({@code deletes}, {@code overwrites}); {@code undone}
   *     likewise ({@code deleted}, {@code overwritten})
   */
  Finding finding(
      RuleInfo info,
      String writes,
      String written,
      String undoes,
      String undone,
      Optional<Fix> fix,
      String advice) {
    String message =
        "the "
            + adder().keyword().toUpperCase(Locale.ROOT)
            + " at line "
            + line()
            + " "
            + writes
            + " files that "
            + removerName()
            + " "
            + undoes
            + ": "
            + biggest();
    ShippedBytes bytes = shipped();
    Finding finding =
        info.at(Lines.of(adder()), message + fix.map(f -> "").orElse(advice))
            .withEvidence(
                bytes,
                bytes.size().human()
                    + " "
                    + written
                    + " at line "
                    + line()
                    + " and "
                    + undone
                    + " at "
                    + removerName()
                    + " is still shipped");
    return fix.map(finding::withFix).orElse(finding);
  }

  int line() {
    return adder.range().startLine();
  }

  /** "line 5", or "a later step" when the removing layer maps to no instruction. */
  String removerName() {
    return remover.map(r -> "line " + r.range().startLine()).orElse("a later step");
  }

  /** Every dead byte of these files, each piece once. */
  ShippedBytes shipped() {
    return ShippedBytes.union(files.stream().map(DeadFile::shipped).toList());
  }

  /** The removed paths (deleted directories, or the files), largest first, with their bytes. */
  Map<UnixPath, Long> removedPaths() {
    Map<UnixPath, Long> bytes = new LinkedHashMap<>();
    for (DeadFile file : files) {
      bytes.merge(file.removed(), file.bytes(), Long::sum);
    }
    List<Map.Entry<UnixPath, Long>> sorted = new ArrayList<>(bytes.entrySet());
    sorted.sort(Map.Entry.<UnixPath, Long>comparingByValue().reversed());
    Map<UnixPath, Long> ordered = new LinkedHashMap<>();
    sorted.forEach(e -> ordered.put(e.getKey(), e.getValue()));
    return ordered;
  }

  /** The biggest removed paths with their sizes: "/app/docs (30.0 MB), /app/x.bin (2.0 kB)". */
  String biggest() {
    Map<UnixPath, Long> paths = removedPaths();
    List<String> named = new ArrayList<>();
    paths.entrySet().stream()
        .limit(NAMED)
        .forEach(
            e -> named.add(e.getKey().value() + " (" + ByteSize.of(e.getValue()).human() + ")"));
    int more = paths.size() - named.size();
    return String.join(", ", named) + (more > 0 ? " and " + more + " more" : "");
  }

  /** Whether every removed path lies below one of {@code dirs}. */
  boolean allUnder(List<String> dirs) {
    return removedPaths().keySet().stream()
        .allMatch(p -> dirs.stream().anyMatch(d -> p.startsWith(UnixPath.of(d))));
  }

  /** Whether a RUN of the stage lies strictly between the adder and the remover. */
  boolean runBetween() {
    int end = remover.map(r -> r.range().startLine()).orElse(Integer.MAX_VALUE);
    return stage.instructions().stream()
        .filter(i -> i instanceof Run)
        .map(i -> i.range().startLine())
        .anyMatch(l -> l > line() && l < end);
  }
}
