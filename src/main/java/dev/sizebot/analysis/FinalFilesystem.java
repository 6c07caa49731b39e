package dev.sizebot.analysis;

import java.util.List;

/**
 * What a container sees: the layers stacked with whiteouts and opaque directories applied.
 *
 * @param files regular files (hardlinks excluded)
 * @param hardlinks hardlink entries (they own no bytes)
 * @param others devices, FIFOs and anything else
 * @param bytes content bytes of the live files, each hardlinked file once
 * @param largest the largest files, biggest first (at most the limit the analysis was asked for)
 */
public record FinalFilesystem(
    long files,
    long directories,
    long symlinks,
    long hardlinks,
    long others,
    long bytes,
    List<LargeFile> largest) {
  public FinalFilesystem {
    largest = List.copyOf(largest);
  }
}
