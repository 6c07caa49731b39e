package dev.sizebot.rules;

import dev.sizebot.dockerfile.ShellCommand;
import java.util.List;

/** SB103: {@code apk add} without {@code --no-cache}. */
final class ApkCacheLeft extends CacheLeft {
  static final RuleInfo INFO =
      new RuleInfo(
          "SB103",
          Severity.WARNING,
          "apk add keeps its index cache",
          "Without --no-cache apk keeps the package index in /var/cache/apk, which ships in the"
              + " layer.",
          List.of("DL3019"));
  private static final String CACHE = "/var/cache/apk";

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  List<Leak> leaks(StageRun run) {
    boolean leaky = run.commandsOf("apk").stream().anyMatch(ApkCacheLeft::addsWithCache);
    if (!leaky || run.removes(CACHE) || run.mountCovers(CACHE)) {
      return List.of();
    }
    return List.of(
        new Leak(
            CACHE,
            "apk add at line " + run.line() + " runs without --no-cache",
            "add --no-cache",
            t -> t.withScript(ScriptEdit.addFlag(t.script(), "apk", "add", "--no-cache"))));
  }

  private static boolean addsWithCache(ShellCommand c) {
    return c.arguments().contains("add") && !c.hasArgument("--no-cache");
  }
}
