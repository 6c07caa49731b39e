package dev.sizebot.github;

import java.util.List;
import java.util.Optional;

/**
 * A check run to publish on a commit (a PR's head SHA, never the merge commit GITHUB_SHA). {@code
 * summary} and {@code text} are markdown; GitHub caps each at 65,535 characters.
 */
public record CheckRequest(
    String name,
    String headSha,
    Conclusion conclusion,
    String title,
    String summary,
    String text,
    List<Annotation> annotations,
    Optional<String> detailsUrl) {
  public static final int MAX_TEXT = 65_535;

  public CheckRequest {
    if (!headSha.matches("[0-9a-f]{40}|[0-9a-f]{64}")) {
      throw new IllegalArgumentException("not a commit SHA: " + headSha);
    }
    annotations = List.copyOf(annotations);
  }

  /** The check of one image, named {@code sizebot / <image>}. */
  public static CheckRequest forImage(
      String image,
      String headSha,
      Conclusion conclusion,
      String title,
      String summary,
      String text,
      List<Annotation> annotations,
      Optional<String> detailsUrl) {
    return new CheckRequest(
        nameFor(image), headSha, conclusion, title, summary, text, annotations, detailsUrl);
  }

  public static String nameFor(String image) {
    return "sizebot / " + image;
  }
}
