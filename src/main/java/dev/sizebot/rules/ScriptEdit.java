package dev.sizebot.rules;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text edits inside a RUN script that keep the author's formatting: add a flag to every command of
 * one kind that lacks it. A command is the text from its program name up to the next {@code &},
 * {@code |} or {@code ;}.
 */
final class ScriptEdit {
  private static final Map<String, Pattern> PATTERNS = new ConcurrentHashMap<>();

  private ScriptEdit() {}

  // Fixes are built for every finding; the few distinct patterns compile once.
  private static Pattern cached(String regex) {
    return PATTERNS.computeIfAbsent(regex, Pattern::compile);
  }

  /**
   * Inserts {@code flag} right after {@code subcommand} in every command run by {@code program} (a
   * regex alternative like {@code apt-get|apt}) that has the subcommand and lacks the flag.
   */
  static String addFlag(String script, String program, String subcommand, String flag) {
    return addFlagUnless(script, program, subcommand, flag, Pattern.quote(flag));
  }

  /** As {@link #addFlag}, but skips commands matching {@code satisfied} (a regex). */
  static String addFlagUnless(
      String script, String program, String subcommand, String flag, String satisfied) {
    Pattern command = cached("(?<![\\w./-])(?:[\\w./-]*/)?(?:" + program + ")(?![\\w.-])[^&|;]*");
    Pattern sub = cached("(?<![\\w-])(?:" + subcommand + ")(?![\\w-])");
    Pattern done = cached("(?<![\\w-])(?:" + satisfied + ")(?![\\w-])");
    Matcher m = command.matcher(script);
    StringBuilder out = new StringBuilder();
    int last = 0;
    while (m.find()) {
      String segment = m.group();
      Matcher s = sub.matcher(segment);
      if (!s.find() || done.matcher(segment).find()) {
        continue;
      }
      out.append(script, last, m.start());
      out.append(segment, 0, s.end()).append(' ').append(flag).append(segment.substring(s.end()));
      last = m.end();
    }
    return out.append(script.substring(last)).toString();
  }

  /** Replaces the standalone word {@code word} inside commands run by {@code program}. */
  static String replaceWord(String script, String program, String word, String replacement) {
    Pattern command = cached("(?<![\\w./-])(?:[\\w./-]*/)?(?:" + program + ")(?![\\w.-])[^&|;]*");
    Pattern token = cached("(?<=\\s)" + Pattern.quote(word) + "(?=\\s|$)");
    Matcher m = command.matcher(script);
    StringBuilder out = new StringBuilder();
    int last = 0;
    while (m.find()) {
      out.append(script, last, m.start());
      // Skip the program name itself ("pip install pip" pins the second word only).
      String segment = m.group();
      int name = segment.indexOf(' ') < 0 ? segment.length() : segment.indexOf(' ');
      out.append(segment, 0, name)
          .append(
              token
                  .matcher(segment.substring(name))
                  .replaceAll(Matcher.quoteReplacement(replacement)));
      last = m.end();
    }
    return out.append(script.substring(last)).toString();
  }

  /** Removes every standalone occurrence of {@code word} (and the blank before it). */
  static String removeWord(String script, String word) {
    return script.replaceAll("[ \\t]+" + Pattern.quote(word) + "(?![\\w=-])", "");
  }

  /**
   * Removes every {@code program verb} command (options allowed around the verb) together with the
   * {@code &&} or {@code ;} that joins it to the next command, or, for the last command, to the
   * previous one; line continuations between them go too.
   */
  static String dropCommand(String script, String program, String verb, char escape) {
    String gap = "[ \\t]*(?:" + Pattern.quote(String.valueOf(escape)) + "[ \\t]*\\r?\\n[ \\t]*)?";
    String command =
        "(?<![\\w./-])(?:[\\w./-]*/)?(?:"
            + program
            + ")(?:[ \\t]+-[\\w-]+)*[ \\t]+"
            + Pattern.quote(verb)
            + "(?:[ \\t]+-[\\w-]+)*(?![\\w-])";
    if (cached(command).matcher(script.strip()).matches()) {
      return "";
    }
    String before = cached(command + gap + "(?:&&|;)" + gap).matcher(script).replaceAll("");
    return cached(gap + "(?:&&|;)" + gap + command).matcher(before).replaceAll("");
  }
}
