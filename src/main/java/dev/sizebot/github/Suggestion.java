package dev.sizebot.github;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A fix for lines {@code startLine..endLine} (1-based, inclusive, in the PR's head version of
 * {@code path}): {@code replacement} replaces them, {@code body} explains why (markdown).
 */
public record Suggestion(String path, int startLine, int endLine, String replacement, String body) {
  public Suggestion {
    if (path.isBlank() || path.startsWith("/") || startLine < 1 || endLine < startLine) {
      throw new IllegalArgumentException(
          "bad suggestion range " + path + ":" + startLine + "-" + endLine);
    }
  }

  /**
   * The hidden marker that identifies this exact suggestion among review comments, so that a re-run
   * does not post it twice: a hash of the path, range and replacement.
   */
  public String marker() {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256")
              .digest(
                  (path + "\n" + startLine + "\n" + endLine + "\n" + replacement)
                      .getBytes(StandardCharsets.UTF_8));
      return "<!-- sizebot:suggestion " + HexFormat.of().formatHex(hash, 0, 8) + " -->";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK always has SHA-256", e);
    }
  }

  /**
   * The review comment's body: the why, then a suggestion block (GitHub's "suggested changes"),
   * fenced with more backticks than the replacement contains in a row, then the marker.
   */
  public String commentBody() {
    String fence = "```";
    while (replacement.contains(fence)) {
      fence += "`";
    }
    String code = replacement.endsWith("\n") ? replacement : replacement + "\n";
    return body + "\n\n" + fence + "suggestion\n" + code + fence + "\n" + marker();
  }
}
