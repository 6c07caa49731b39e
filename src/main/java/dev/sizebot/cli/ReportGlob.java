package dev.sizebot.cli;

import dev.sizebot.common.SizebotException;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.stream.Stream;

/**
 * The {@code reports} input of the action's merge mode: a glob relative to the workspace, because a
 * docker action passes only the mode as its argument and no shell expands a pattern there.
 */
final class ReportGlob {
  static final String DEFAULT = "reports/**/sizebot-report.json";

  private ReportGlob() {}

  /** The matching files, sorted by path so that the merged comment's order is stable. */
  static List<Path> expand(String glob, Path workspace) {
    // "**/" in a java glob needs at least one directory; the pattern is matched relative.
    PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + glob);
    List<Path> found;
    try (Stream<Path> files = Files.walk(workspace)) {
      found =
          files
              .filter(Files::isRegularFile)
              .filter(f -> matcher.matches(workspace.relativize(f)))
              .sorted()
              .toList();
    } catch (IOException e) {
      throw SizebotException.environment(
          "cannot search " + workspace + " for reports matching '" + glob + "': " + e, e);
    }
    if (found.isEmpty()) {
      throw SizebotException.invalidInput(
          "no report matches '"
              + glob
              + "' in "
              + workspace
              + ": download the matrix jobs' report artifacts there first, or set the reports"
              + " input");
    }
    return found;
  }
}
