package dev.sizebot.image;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EntryNamesTest {
  @ParameterizedTest
  @CsvSource({"..hidden/x, /..hidden/x", "a/b../c, /a/b../c", "a/...., /a/....", "./a/./b/, /a/b"})
  void namesWithDotsThatDoNotClimbAreKept(String name, String path) {
    assertThat(EntryNames.layerPath(name, "layer").value()).isEqualTo(path);
  }

  @ParameterizedTest
  @CsvSource({
    "/, /",
    "./, /",
    "., /",
    "'', /",
    "/app, /app",
    "/app/, /app",
    "./app, /app",
    "app/, /app",
    "/app/x, /app/x",
    "./app/.wh.old, /app/.wh.old",
    "//usr//lib/, /usr/lib"
  })
  void rootEntriesAndLeadingSlashesOrDotsOfOtherWritersAreTheRootAndRelativePaths(
      String name, String path) {
    assertThat(EntryNames.layerPath(name, "layer").value()).isEqualTo(path);
  }

  @ParameterizedTest
  @CsvSource({
    "./manifest.json, manifest.json",
    "/manifest.json, manifest.json",
    "./blobs/sha256/ab, blobs/sha256/ab",
    "./, ''"
  })
  void archiveMemberNamesWithALeadingSlashOrDotAreRelativeToTheArchive(String name, String path) {
    assertThat(EntryNames.archivePath(name, "archive")).isEqualTo(path);
  }
}
