package dev.sizebot.report;

/**
 * How much of a report a comment shows. A body over GitHub's limit is rendered again one level
 * down, dropping the longest, least decisive parts first; the headline, verdict and summary table
 * always stay.
 */
enum Detail {
  FULL(""),
  NO_FILE_LIST("the file list"),
  NO_STEPS("the file list and the changed steps"),
  NO_PATCHES("the file list, the changed steps and the fixes' patches"),
  MINIMAL("the file list, the changed steps, the fixes, config changes and build logs");

  private final String dropped;

  Detail(String dropped) {
    this.dropped = dropped;
  }

  /** What this level leaves out, for the note that says so. */
  String dropped() {
    return dropped;
  }

  boolean files() {
    return this == FULL;
  }

  boolean steps() {
    return compareTo(NO_STEPS) < 0;
  }

  boolean patches() {
    return compareTo(NO_PATCHES) < 0;
  }

  boolean fixes() {
    return this != MINIMAL;
  }
}
