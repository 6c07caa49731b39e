package dev.sizebot.docker;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the Dockerfile line a failed build stopped at. Newer BuildKit prints it ("Dockerfile:12");
 * 20.10 prints only the failing step ("[stage-0 3/3] RUN false"), so that step's text is matched
 * against the Dockerfile's instructions, falling back to the step's position in its stage.
 */
final class FailingLine {
  // Steps BuildKit shows as vertices; ENV, LABEL, SHELL, … only change the config.
  private static final Set<String> STEP_KEYWORDS = Set.of("FROM", "RUN", "COPY", "ADD", "WORKDIR");
  private static final Pattern ESCAPE_DIRECTIVE =
      Pattern.compile("^#\\s*escape\\s*=\\s*(\\S)\\s*$");
  private static final Pattern STAGE_ALIAS = Pattern.compile("(?i)^FROM\\s.*\\sAS\\s+(\\S+)\\s*$");
  private static final Pattern UNNAMED_STAGE = Pattern.compile("^stage-(\\d+)$");

  /** One logical instruction: its first line (1-based), stage number and normalized text. */
  record Instruction(int line, int stage, String keyword, String text) {}

  private FailingLine() {}

  static OptionalInt locate(BuildLog log, List<String> dockerfile) {
    if (log.reportedLine().isPresent()) {
      return log.reportedLine();
    }
    return log.failingStep()
        .map(step -> locate(step, instructions(dockerfile)))
        .orElse(OptionalInt.empty());
  }

  static OptionalInt locate(BuildLog.Step step, List<Instruction> instructions) {
    List<String> aliases = aliases(instructions);
    List<Instruction> inStage =
        instructions.stream().filter(i -> inStage(step.stage(), i.stage, aliases)).toList();
    String wanted = normalize(step.instruction());
    List<Instruction> sameText =
        inStage.stream().filter(i -> i.text.equalsIgnoreCase(wanted)).toList();
    if (sameText.size() == 1) {
      return OptionalInt.of(sameText.get(0).line);
    }
    List<Instruction> steps =
        inStage.stream().filter(i -> STEP_KEYWORDS.contains(i.keyword) && !isScratch(i)).toList();
    if (steps.size() == step.count() && step.index() >= 1 && step.index() <= steps.size()) {
      return OptionalInt.of(steps.get(step.index() - 1).line);
    }
    return OptionalInt.empty();
  }

  /** The Dockerfile's logical instructions, continuation lines joined, comments skipped. */
  static List<Instruction> instructions(List<String> lines) {
    char escape = escapeChar(lines);
    List<Instruction> result = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    int start = 0;
    int stage = -1;
    for (int n = 0; n < lines.size(); n++) {
      String line = lines.get(n).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue; // blank and comment lines may also sit inside a continuation
      }
      if (text.isEmpty()) {
        start = n + 1;
      }
      boolean continues = line.charAt(line.length() - 1) == escape;
      text.append(continues ? line.substring(0, line.length() - 1) : line).append(' ');
      if (!continues) {
        String joined = normalize(text.toString());
        String keyword = joined.split(" ", 2)[0].toUpperCase(Locale.ROOT);
        stage += keyword.equals("FROM") ? 1 : 0;
        result.add(new Instruction(start, Math.max(stage, 0), keyword, joined));
        text.setLength(0);
      }
    }
    return result;
  }

  private static boolean inStage(Optional<String> label, int stage, List<String> aliases) {
    if (label.isEmpty()) {
      return true; // newer BuildKit omits the label when there is one stage
    }
    int named = aliases.indexOf(label.get().toLowerCase(Locale.ROOT));
    if (named >= 0) {
      return stage == named;
    }
    Matcher unnamed = UNNAMED_STAGE.matcher(label.get());
    return unnamed.matches() && Integer.parseInt(unnamed.group(1)) == stage;
  }

  // Stage i's alias (lower case, as BuildKit compares them) or "" when unnamed.
  private static List<String> aliases(List<Instruction> instructions) {
    return instructions.stream()
        .filter(i -> i.keyword.equals("FROM"))
        .map(
            i -> {
              Matcher m = STAGE_ALIAS.matcher(i.text);
              return m.matches() ? m.group(1).toLowerCase(Locale.ROOT) : "";
            })
        .toList();
  }

  private static boolean isScratch(Instruction i) {
    if (!i.keyword.equals("FROM")) {
      return false;
    }
    // FROM [--platform=…] image [AS name]: the first word after the flags is the image.
    return Arrays.stream(i.text.split(" "))
        .skip(1)
        .filter(word -> !word.startsWith("--"))
        .findFirst()
        .map(image -> image.equalsIgnoreCase("scratch"))
        .orElse(false);
  }

  private static char escapeChar(List<String> lines) {
    // Parser directives come first; the escape directive may switch to a backtick (Windows).
    for (String line : lines) {
      Matcher m = ESCAPE_DIRECTIVE.matcher(line.strip());
      if (m.matches()) {
        return m.group(1).charAt(0);
      }
      if (!line.strip().startsWith("#")) {
        break;
      }
    }
    return '\\';
  }

  private static String normalize(String text) {
    return text.strip().replaceAll("\\s+", " ");
  }
}
