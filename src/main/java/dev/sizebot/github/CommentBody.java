package dev.sizebot.github;

/**
 * A sticky comment's text. {@code marker} is the hidden HTML comment that identifies it among the
 * PR's comments (one per image and platform, e.g. {@code <!-- sizebot:v1 image=api
 * platform=linux/amd64 -->}); the posted body always starts with it.
 */
public record CommentBody(String marker, String markdown) {
  /** GitHub's limit for an issue comment body, in characters. */
  public static final int MAX_CHARS = 65_536;

  public CommentBody {
    if (!marker.startsWith("<!--") || !marker.endsWith("-->") || marker.contains("\n")) {
      throw new IllegalArgumentException("a comment marker is one hidden HTML comment: " + marker);
    }
  }

  /** The body as posted: the markdown, led by the marker unless it already starts with it. */
  public String text() {
    return markdown.startsWith(marker) ? markdown : marker + "\n" + markdown;
  }
}
