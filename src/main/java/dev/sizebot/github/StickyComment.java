package dev.sizebot.github;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.kohsuke.github.GHIssueComment;

/**
 * The one comment per image and platform on a PR, found by its hidden marker among ALL the PR's
 * issue comments (GET /repos/{o}/{r}/issues/{n}/comments?per_page=100, following the Link header to
 * the last page), so that a re-run edits it instead of adding another.
 */
public final class StickyComment {
  private static final int PAGE = 100;

  private final GitHubSession session;
  private final int number;

  StickyComment(GitHubSession session, int number) {
    this.session = session;
    this.number = number;
  }

  /**
   * {@code UPDATE}: PATCH the marked comment when its body differs, nothing when equal, POST when
   * there is none. {@code RECREATE}: DELETE every marked comment, then POST. {@code OFF}: no
   * request at all.
   */
  public CommentResult publish(CommentBody body, CommentMode mode) {
    if (mode == CommentMode.OFF) {
      return new CommentResult(CommentResult.Outcome.SKIPPED, Optional.empty());
    }
    List<GHIssueComment> marked = marked(body.marker());
    String text = body.text();
    if (mode == CommentMode.RECREATE) {
      for (GHIssueComment old : marked) {
        session.call(
            GitHubAction.COMMENT,
            () -> {
              old.delete();
              return null;
            });
      }
      return new CommentResult(
          marked.isEmpty() ? CommentResult.Outcome.CREATED : CommentResult.Outcome.RECREATED,
          create(body));
    }
    if (marked.isEmpty()) {
      return new CommentResult(CommentResult.Outcome.CREATED, create(body));
    }
    GHIssueComment existing = marked.get(0);
    String url = existing.getHtmlUrl() == null ? null : existing.getHtmlUrl().toString();
    if (normalized(existing.getBody()).equals(normalized(text))) {
      return new CommentResult(CommentResult.Outcome.UNCHANGED, Optional.ofNullable(url));
    }
    session.call(
        GitHubAction.COMMENT,
        () -> {
          existing.update(text);
          return null;
        });
    return new CommentResult(CommentResult.Outcome.UPDATED, Optional.ofNullable(url));
  }

  private List<GHIssueComment> marked(String marker) {
    List<GHIssueComment> all =
        session.call(
            GitHubAction.COMMENT,
            () -> session.pull(number).listComments().withPageSize(PAGE).toList());
    List<GHIssueComment> marked = new ArrayList<>();
    for (GHIssueComment comment : all) {
      // startsWith, not contains: a reply that quotes our comment must not be taken for it.
      if (comment.getBody() != null && comment.getBody().startsWith(marker)) {
        marked.add(comment);
      }
    }
    return marked;
  }

  private Optional<String> create(CommentBody body) {
    GHIssueComment created =
        session.createOnce(
            GitHubAction.COMMENT,
            () -> session.pull(number).comment(body.text()),
            () -> marked(body.marker()).stream().findFirst());
    return Optional.ofNullable(created.getHtmlUrl()).map(Object::toString);
  }

  // GitHub may hand a body back with CRLF line ends; that alone is no change.
  private static String normalized(String body) {
    return body == null ? "" : body.replace("\r\n", "\n").strip();
  }
}
