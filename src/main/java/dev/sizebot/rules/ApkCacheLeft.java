package dev.sizebot.rules;

import dev.sizebot.dockerfile.ShellCommand;
import java.util.List;

/**
 * SB103: {@code apk add} without {@code --no-cache}, or {@code apk update}: both keep the index.
 */
final class ApkCacheLeft extends CacheLeft {
  static final RuleInfo INFO =
      new RuleInfo(
          "SB103",
          Severity.WARNING,
          "apk keeps its package index in the layer",
          "apk update, and apk add without --no-cache, keep the package index in /var/cache/apk,"
              + " which ships in the layer. apk add --no-cache fetches the index it needs and"
              + " keeps none.",
          List.of("DL3019"));
  private static final String CACHE = "/var/cache/apk";

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  List<Leak> leaks(StageRun run) {
    List<ShellCommand> apk = run.commandsOf("apk");
    boolean adds = apk.stream().anyMatch(ApkCacheLeft::addsWithCache);
    boolean updates = apk.stream().anyMatch(ApkCacheLeft::isUpdate);
    if (!(adds || updates) || run.removes(CACHE) || run.mountCovers(CACHE)) {
      return List.of();
    }
    if (!updates) {
      return List.of(
          new Leak(
              CACHE,
              "apk add at line " + run.line() + " runs without --no-cache",
              "add --no-cache",
              ApkCacheLeft::addNoCache));
    }
    // apk add --no-cache fetches a fresh index itself and keeps none, so apk update is not needed.
    return List.of(
        new Leak(
            CACHE,
            "apk update at line "
                + run.line()
                + " leaves the package index in "
                + CACHE
                + (adds ? ", and apk add runs without --no-cache" : ""),
            "drop apk update and use apk add --no-cache",
            t ->
                addNoCache(
                    t.withScript(
                        ScriptEdit.dropCommand(t.script(), "apk", "update", t.escape())))));
  }

  private static RunText addNoCache(RunText t) {
    return t.withScript(ScriptEdit.addFlag(t.script(), "apk", "add", "--no-cache"));
  }

  private static boolean addsWithCache(ShellCommand c) {
    return c.arguments().contains("add") && !c.hasArgument("--no-cache");
  }

  /** {@code apk update}, or {@code apk -q update}: the first word that is not an option. */
  private static boolean isUpdate(ShellCommand c) {
    return c.arguments().stream()
        .filter(a -> !a.startsWith("-"))
        .findFirst()
        .filter("update"::equals)
        .isPresent();
  }
}
